package com.example.notes;

import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import org.flywaydb.core.Flyway;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database as the single-tenant version of the application left it: its one migration applied to {@code public}
 * by Spring Boot's Flyway, notes written by its users. Then the one manual step of docs/converting.md before the
 * converted application first starts: the old migration history is moved out of the way of the shared one.
 */
public final class SingleTenantDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestPostgres.server().createDatabase("single_tenant");
        Flyway.configure().dataSource(database.unpooledDataSource()).locations("classpath:db/single-tenant").load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database.unpooledDataSource());
        jdbc.update("INSERT INTO notes (body) VALUES ('written before the conversion'), ('and another')");

        jdbc.execute("CREATE SCHEMA before_tenancy; "
                + "ALTER TABLE public.flyway_schema_history SET SCHEMA before_tenancy");

        TestPropertyValues.of("spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + (database.password() == null ? "" : database.password()))
                .applyTo(context);
        context.addApplicationListener((ContextClosedEvent event) -> database.close());
    }
}
