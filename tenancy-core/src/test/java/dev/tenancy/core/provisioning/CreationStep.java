package dev.tenancy.core.provisioning;

import dev.tenancy.core.migration.TenantMigrator;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The steps of a tenant creation, in order, at which {@link ProvisioningFaultsTest} injects a fault, and how. The
 * steps inside the database (writing the rows, building the schema) are made to fail by a trigger and held by a lock
 * the test takes; the steps in Java (listeners, set-up) fail by throwing and are held by blocking. Every fault hits
 * the creation of {@value #SCHEMA} ({@code fault.localhost} and {@code second.fault.test}).
 */
enum CreationStep {

    CLAIM("writing the tenant row, its domains and the ledger entry",
            """
            CREATE FUNCTION public.fault_claim() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'injected: the ledger entry is refused'; END $$;
            CREATE TRIGGER fault_claim BEFORE INSERT ON public.tenancy_provisioning FOR EACH ROW
                EXECUTE FUNCTION public.fault_claim();
            """,
            "LOCK TABLE public.tenancy_provisioning IN SHARE MODE"),
    BEFORE_CREATE("`beforeCreate` listeners", null, null),
    CLONE("building the schema: cloning the template", CreationStep.SCHEMA_FAULT, CreationStep.SCHEMA_HOLD),
    MIGRATE("building the schema: migrating it (no template)", CreationStep.SCHEMA_FAULT, CreationStep.SCHEMA_HOLD),
    AFTER_SCHEMA_READY("`afterSchemaReady` listeners", null, null),
    SET_UP("the application's set-up step (after writing a user)", null, null),
    ACTIVATE("activating: `afterCreate` listeners, in the activating transaction", null, null);

    static final String SUBDOMAIN = "fault";
    static final String SCHEMA = "tenant_fault";

    /** Refuses the creation of the tenant's second table ({@code projects}), in a clone or in migration V2. */
    private static final String SCHEMA_FAULT = """
            CREATE FUNCTION public.fault_schema() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands()
                           WHERE object_identity = 'tenant_fault.projects') THEN
                    RAISE EXCEPTION 'injected: creating tenant_fault.projects is refused';
                END IF;
            END $$;
            CREATE EVENT TRIGGER fault_schema ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
                EXECUTE FUNCTION public.fault_schema();
            """;

    /**
     * Holds the tenant's {@code projects} table, whose foreign key to {@code public.plans} needs this lock's
     * conflicting mode, while letting the tenant row's own foreign key check through.
     */
    private static final String SCHEMA_HOLD = "LOCK TABLE public.plans IN SHARE ROW EXCLUSIVE MODE";

    static final String REMOVE_FAULTS = """
            DROP TRIGGER IF EXISTS fault_claim ON public.tenancy_provisioning;
            DROP FUNCTION IF EXISTS public.fault_claim();
            DROP EVENT TRIGGER IF EXISTS fault_schema;
            DROP FUNCTION IF EXISTS public.fault_schema();
            """;

    private final String description;
    private final String failure;
    private final String hold;

    CreationStep(String description, String failure, String hold) {
        this.description = description;
        this.failure = failure;
        this.hold = hold;
    }

    String description() {
        return description;
    }

    /** Whether the step runs in the database (faults by trigger and lock) rather than in Java. */
    boolean inDatabase() {
        return failure != null;
    }

    /** The SQL that makes the step fail (a database step's trigger). */
    String failure() {
        return failure;
    }

    /** The statement that, in an open transaction, holds a database step until that transaction ends. */
    String hold() {
        return hold;
    }

    /** What a fault does when a Java step is reached: throw, or block until the process is killed. */
    @FunctionalInterface
    interface Fault {
        void strike(CreationStep step) throws Exception;
    }

    /** A provisioner like an application's, over {@code pool}, whose listener strikes {@code fault} at this step. */
    TenantProvisioner provisioner(DataSource pool, Fault fault) {
        TenantMigrator migrator = TenantMigrator.builder(pool).tenantLocations(ProvisioningFixture.TENANT).build();
        TenantProvisioner.Builder builder = TenantProvisioner.builder(pool, migrator).listener(new TenantListener() {
            @Override
            public void beforeCreate(TenantInfo tenant) throws Exception {
                strikeAt(BEFORE_CREATE, fault);
            }

            @Override
            public void afterSchemaReady(TenantInfo tenant) throws Exception {
                strikeAt(AFTER_SCHEMA_READY, fault);
            }

            @Override
            public void afterCreate(TenantInfo tenant) throws Exception {
                strikeAt(ACTIVATE, fault);
            }
        });
        return (this == MIGRATE ? builder.withoutTemplate() : builder).build();
    }

    /** The creation of the tenant, whose set-up step writes a user and then strikes {@code fault} at SET_UP. */
    TenantRequest request(DataSource pool, Fault fault) {
        return TenantRequest.subdomain(SUBDOMAIN).domain("second.fault.test").value("name", "Fault").setUp(tenant -> {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO " + SCHEMA + ".users (email) VALUES ('admin@fault.test')");
            }
            strikeAt(SET_UP, fault);
        });
    }

    private void strikeAt(CreationStep reached, Fault fault) throws Exception {
        if (reached == this) {
            fault.strike(this);
        }
    }
}
