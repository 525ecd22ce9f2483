package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

/** Every instance listens for the directory changes others announce, unless switched off. */
@ExtendWith(TestDatabaseExtension.class)
class DirectoryNotificationAutoConfigurationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private static TestDatabase database;

    @BeforeAll
    static void setUp(TestDatabase testDatabase) {
        database = testDatabase;
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        TenancyAutoConfiguration.class, TenancyDirectoryNotificationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()));
    }

    @Test
    void theDirectoryListensForChangesByDefaultOnAConnectionOutsideThePool() {
        runner().run(context -> {
            assertThat(context).hasBean("directoryChangeListener");
            TenantDirectory directory = context.getBean(TenantDirectory.class);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!directory.listeningForChanges()) {
                assertThat(System.nanoTime()).as("listening within " + DEADLINE).isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            HikariDataSource pool = (HikariDataSource) TenancyAutoConfiguration
                    .tenantAware(context.getBean(DataSource.class)).target();
            assertThat(pool.getHikariPoolMXBean()).as("the pool, never asked for a connection, is not started").isNull();
        });
    }

    @Test
    void notificationsCanBeSwitchedOff() {
        runner().withPropertyValues("tenancy.directory.notifications=false")
                .run(context -> assertThat(context).doesNotHaveBean("directoryChangeListener"));
    }
}
