package dev.tenancy.test.app;

import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantListener;
import dev.tenancy.test.TenantTest;

import org.springframework.stereotype.Component;

/**
 * Seeds the test tenant {@value #SCHEMA} with a note when the extension creates it, as an application's tests would
 * seed their tenants' users: other tenants, and tenants the application creates itself, are left alone.
 */
@Component
public class SeededNotes implements TenantListener {

    /** The schema of the test tenant that gets a note. */
    public static final String SCHEMA = "seeded";

    private final NoteRepository notes;

    SeededNotes(NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public void afterSchemaReady(TenantInfo tenant) {
        if (tenant.actor().equals(TenantTest.ACTOR) && tenant.schema().value().equals(SCHEMA)) {
            Tenants.run(tenant.schema(), () -> notes.save(new Note("seeded")));
        }
    }
}
