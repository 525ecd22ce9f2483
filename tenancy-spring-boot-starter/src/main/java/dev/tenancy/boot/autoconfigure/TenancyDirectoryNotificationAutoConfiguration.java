package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.directory.TenantDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

import java.sql.DriverManager;

import javax.sql.DataSource;

/**
 * Keeps the {@link TenantDirectory} of this instance fresh when another instance changes a tenant or a domain: a
 * {@link TenantDirectory#listenForChanges} listens on its own connection and evicts every announced change within about a
 * second. The connection is opened with the application's JDBC URL and credentials (Spring Boot's
 * {@link JdbcConnectionDetails}), outside the pool; when those are not known (a DataSource defined by the
 * application), one connection is borrowed from the pool and kept. {@code tenancy.directory.notifications=false}
 * switches it off.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class)
@ConditionalOnBean({TenantDirectory.class, DataSource.class})
@ConditionalOnBooleanProperty(name = "tenancy.directory.notifications", matchIfMissing = true)
@EnableConfigurationProperties(TenancyDirectoryNotificationProperties.class)
public final class TenancyDirectoryNotificationAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "directoryChangeListener")
    AutoCloseable directoryChangeListener(TenantDirectory directory, DataSource dataSource,
            ObjectProvider<JdbcConnectionDetails> connectionDetails) {
        JdbcConnectionDetails details = connectionDetails.getIfAvailable();
        if (details != null) {
            return directory.listenForChanges(
                    () -> DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
                            details.getPassword()));
        }
        DataSource pool = TenancyAutoConfiguration.tenantAware(dataSource).target();
        return directory.listenForChanges(pool::getConnection);
    }
}
