package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

/** A failure injected at each step of a creation leaves nothing behind, and the tenant can then be created. */
@ExtendWith(TestDatabaseExtension.class)
class CreationRollbackTest {

    private static final String SCHEMA_FAULT = """
            CREATE FUNCTION public.refuse_schema() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands()
                           WHERE command_tag = 'CREATE SCHEMA' AND object_identity = 'tenant_boom') THEN
                    RAISE EXCEPTION 'injected: creating schema tenant_boom is refused';
                END IF;
            END $$;
            CREATE EVENT TRIGGER refuse_schema ON ddl_command_end WHEN TAG IN ('CREATE SCHEMA')
                EXECUTE FUNCTION public.refuse_schema();
            """;

    private static final String DOMAIN_FAULT = """
            CREATE FUNCTION public.refuse_domain() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.domain = 'second.boom.test' THEN
                    RAISE EXCEPTION 'injected: domain insert refused';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_domain BEFORE INSERT ON public.domains FOR EACH ROW
                EXECUTE FUNCTION public.refuse_domain();
            """;

    private static ProvisioningFixture fixture;

    @BeforeAll
    static void database(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 6);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void noTenantsNoFaults() {
        fixture.reset();
        fixture.sql("DROP EVENT TRIGGER IF EXISTS refuse_schema; DROP FUNCTION IF EXISTS public.refuse_schema();"
                + "DROP TRIGGER IF EXISTS refuse_domain ON public.domains;"
                + "DROP FUNCTION IF EXISTS public.refuse_domain();"
                + "DROP SCHEMA IF EXISTS _tenancy_template CASCADE");
    }

    private static TenantRequest boom() {
        return TenantRequest.subdomain("boom").domain("second.boom.test").value("name", "Boom");
    }

    private static void assertNothingLeftAndCreatableAgain(TenantProvisioner working) {
        assertThat(fixture.tenants()).isEmpty();
        assertThat(fixture.domains()).isEmpty();
        assertThat(fixture.schemas()).isEmpty();
        assertThat(fixture.ledger()).isEmpty();
        assertThat(fixture.audit()).last().isEqualTo("CREATE:tenant_boom:FAILURE");

        working.create(boom());

        assertThat(fixture.tenants()).containsExactly("tenant_boom:ACTIVE");
        assertThat(fixture.domains()).containsExactly("boom.localhost:tenant_boom:true",
                "second.boom.test:tenant_boom:false");
    }

    @ParameterizedTest(name = "template: {0}")
    @ValueSource(booleans = {true, false})
    void aFailureCreatingTheSchemaLeavesNothing(boolean template) {
        TenantProvisioner.Builder builder = fixture.provisioner();
        TenantProvisioner provisioner = (template ? builder : builder.withoutTemplate()).build();
        fixture.sql(SCHEMA_FAULT);

        assertThatThrownBy(() -> provisioner.create(boom())).isInstanceOf(TenancyException.class)
                .hasMessageContaining("while building the schema").hasMessageContaining("injected")
                .hasMessageContaining("Everything this attempt had written was removed");

        fixture.sql("DROP EVENT TRIGGER refuse_schema");
        assertNothingLeftAndCreatableAgain(provisioner);
    }

    @ParameterizedTest(name = "template: {0}")
    @ValueSource(booleans = {true, false})
    void aFailingMigrationLeavesNoHalfMigratedSchema(boolean template) {
        TenantProvisioner.Builder builder = TenantProvisioner.builder(fixture.pool(),
                fixture.migrator(ProvisioningFixture.TENANT, ProvisioningFixture.FAILING));
        TenantProvisioner broken = (template ? builder : builder.withoutTemplate()).build();

        assertThatThrownBy(() -> broken.create(boom())).isInstanceOf(TenancyException.class)
                .hasMessageContaining("while building the schema").hasMessageContaining("no_such_table");

        assertNothingLeftAndCreatableAgain(fixture.provisioner().withoutTemplate().build());
    }

    @Test
    void aFailingDomainInsertLeavesNothing() {
        TenantProvisioner provisioner = fixture.provisioner().build();
        fixture.sql(DOMAIN_FAULT);

        assertThatThrownBy(() -> provisioner.create(boom())).isInstanceOf(TenancyException.class)
                .hasMessageContaining("injected: domain insert refused");

        fixture.sql("DROP TRIGGER refuse_domain ON public.domains");
        assertNothingLeftAndCreatableAgain(provisioner);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"beforeCreate", "afterSchemaReady", "afterCreate"})
    void aListenerThatThrowsRollsTheCreationBack(String failingStep) {
        List<String> failures = new ArrayList<>();
        TenantProvisioner provisioner = fixture.provisioner().listener(new TenantListener() {
            @Override
            public void beforeCreate(TenantInfo tenant) {
                fail("beforeCreate");
            }

            @Override
            public void afterSchemaReady(TenantInfo tenant) {
                fail("afterSchemaReady");
            }

            @Override
            public void afterCreate(TenantInfo tenant) {
                fail("afterCreate");
            }

            @Override
            public void createFailed(TenantInfo tenant, Exception cause) {
                failures.add(tenant.schema() + ": " + cause.getMessage());
            }

            private void fail(String step) {
                if (step.equals(failingStep)) {
                    throw new IllegalStateException("injected in " + step);
                }
            }
        }).build();

        assertThatThrownBy(() -> provisioner.create(boom())).isInstanceOf(TenancyException.class)
                .hasMessageContaining("injected in " + failingStep)
                .hasRootCauseInstanceOf(IllegalStateException.class);

        assertThat(failures).containsExactly("tenant_boom: injected in " + failingStep);
        assertNothingLeftAndCreatableAgain(fixture.provisioner().build());
    }

    @Test
    void aFailingApplicationStepLeavesNothingEvenWhatItWrote() {
        TenantProvisioner provisioner = fixture.provisioner().build();

        assertThatThrownBy(() -> provisioner.create(boom().setUp(tenant -> {
            fixture.sql("INSERT INTO tenant_boom.users (email) VALUES ('admin@boom.test')");
            throw new IllegalArgumentException("injected: the admin's e-mail is refused");
        }))).isInstanceOf(TenancyException.class)
                .hasMessageContaining("while running the application's set-up steps");

        assertThat(fixture.string("SELECT error FROM public.tenancy_audit ORDER BY id DESC LIMIT 1"))
                .isEqualTo("IllegalArgumentException: injected: the admin's e-mail is refused");
        assertNothingLeftAndCreatableAgain(provisioner);
    }

    @Test
    void theDirectoryForgetsAFailedTenantsHosts() {
        TenantDirectory directory = TenantDirectory.builder(fixture.pool()).build();
        TenantProvisioner provisioner = fixture.provisioner().directory(directory).listener(new TenantListener() {
            @Override
            public void afterSchemaReady(TenantInfo tenant) {
                assertThat(directory.resolve("boom.localhost")).isPresent();
                throw new IllegalStateException("injected after the host was looked up");
            }
        }).build();

        assertThatThrownBy(() -> provisioner.create(boom())).isInstanceOf(TenancyException.class);

        assertThat(directory.resolve("boom.localhost")).isEmpty();
    }
}
