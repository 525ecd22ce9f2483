package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.web.PlainErrorReportValve;
import dev.tenancy.boot.web.RefusalPage;

import org.apache.catalina.Host;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * On the embedded Tomcat, requests Tomcat refuses before any filter runs (several {@code Host} headers, a malformed
 * {@code Host}, an encoded slash in the path...) are answered like the tenant filter's own refusals: a plain
 * {@code {"error": "..."}}, or the refusal page for browsers, through {@link PlainErrorReportValve}, which takes the
 * place of Tomcat's and Spring Boot's error report valves. To keep Tomcat's own
 * pages, exclude this auto-configuration.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Tomcat.class, ConfigurableTomcatWebServerFactory.class})
public final class TenancyTomcatAutoConfiguration {

    @Bean
    static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> tenancyTomcatErrorReport(
            ObjectProvider<RefusalPage> page) {
        return new PlainTomcatErrors(page);
    }

    /** Ordered after Spring Boot's own Tomcat customizer, so that its error report valve is there to be replaced. */
    private record PlainTomcatErrors(ObjectProvider<RefusalPage> page)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> PlainErrorReportValve.install((Host) context.getParent(),
                    page.getIfAvailable(RefusalPage::standard)));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
