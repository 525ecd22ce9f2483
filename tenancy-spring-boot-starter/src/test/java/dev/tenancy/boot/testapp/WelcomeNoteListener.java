package dev.tenancy.boot.testapp;

import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantListener;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An application's {@link TenantListener} bean: every new tenant starts with a welcome note. */
@Component
class WelcomeNoteListener implements TenantListener {

    private final JdbcTemplate jdbc;

    WelcomeNoteListener(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSchemaReady(TenantInfo tenant) {
        Tenants.run(tenant.schema(), () -> jdbc.update("INSERT INTO notes (body) VALUES (?)",
                "welcome to " + tenant.schema()));
    }
}
