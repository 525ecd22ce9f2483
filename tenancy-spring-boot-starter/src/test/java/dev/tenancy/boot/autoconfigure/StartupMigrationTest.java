package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.MultiTenancySettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** What the auto-configuration did to the test application at start-up: DataSource, Hibernate, migrations. */
@TestAppTest
class StartupMigrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSharedMigrationsRanExactlyOnceIntoTheSharedSchema() {
        List<Map<String, Object>> history = jdbc.queryForList(
                "SELECT version, count(*) AS runs, bool_and(success) AS ok FROM public.flyway_schema_history "
                        + "GROUP BY version ORDER BY version");
        assertThat(history).containsExactly(
                Map.of("version", "1", "runs", 1L, "ok", true),
                Map.of("version", "2", "runs", 1L, "ok", true));
    }

    @Test
    void theTenantMigratorRanTheStartUpMigrationsAndInterruptedCreationsWereLookedFor() {
        assertThat(context.getBean(StartupMigrations.class)).isInstanceOf(MigratorStartupMigrations.class);
        assertThat(jdbc.queryForObject("SELECT to_regclass('public.tenancy_provisioning') IS NOT NULL", Boolean.class))
                .isTrue();
    }

    @Test
    void springBootsOwnFlywayDidNotRunAndTenantScriptsNeverReachedPublic() {
        assertThat(context.getBeanNamesForType(Flyway.class)).isEmpty();
        assertThat(context.getBeanNamesForType(FlywayMigrationInitializer.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("spring.flyway.enabled")).isEqualTo("false");
        assertThat(jdbc.queryForObject("SELECT to_regclass('public.notes')::text", String.class)).isNull();
    }

    @Test
    void entityManagersAndJdbcTemplatesWaitForTheStartupMigration() {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        assertThat(beans.getBeanDefinition("entityManagerFactory").getDependsOn())
                .contains("tenancyMigrationInitializer");
        assertThat(beans.getBeanDefinition("jdbcTemplate").getDependsOn()).contains("tenancyMigrationInitializer");
    }

    @Test
    void theApplicationsPoolIsWrappedExactlyOnceAndSharedByJdbcAndJpa() {
        assertThat(dataSource).isInstanceOf(TenantAwareDataSource.class);
        assertThat(((TenantAwareDataSource) dataSource).target()).isInstanceOf(HikariDataSource.class);
        assertThat(jdbc.getDataSource()).isSameAs(dataSource);
        assertThat(context.getBean("&entityManagerFactory", AbstractEntityManagerFactoryBean.class).getDataSource())
                .isSameAs(dataSource);
    }

    @Test
    void hibernateUsesTenancysConnectionProvider() {
        Map<String, Object> properties = context.getBean(EntityManagerFactory.class).getProperties();
        assertThat(properties.get(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER))
                .extracting(provider -> provider.getClass().getSimpleName()).isEqualTo("TenantConnectionProvider");
    }
}
