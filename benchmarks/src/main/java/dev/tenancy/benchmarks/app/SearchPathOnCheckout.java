package dev.tenancy.benchmarks.app;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * For the untenanted application only ({@code harness.search-path-on-checkout=true}): one {@code SET search_path TO
 * public} on every connection checkout, the round trip Tenancy makes, without anything else Tenancy does. It splits
 * Tenancy's request overhead into that round trip and the rest.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("harness.search-path-on-checkout")
class SearchPathOnCheckout {

    @Bean
    static BeanPostProcessor searchPathOnEveryCheckout() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? new SettingDataSource(dataSource) : bean;
            }
        };
    }

    /** Sets the search path on each connection it hands out. */
    static final class SettingDataSource extends DelegatingDataSource {

        SettingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO public");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }
    }
}
