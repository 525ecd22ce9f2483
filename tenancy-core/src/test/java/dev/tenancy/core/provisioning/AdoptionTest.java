package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.AdoptionOptions.AdoptionPlan;
import dev.tenancy.core.provisioning.TenantListener.CreationOutcome;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Adopting a single-tenant database's tables as the first tenant's: customers and invoices with foreign keys both
 * ways between them and one to a shared table, a sequence-backed id, a standalone sequence and a view, at tenant
 * migration V2 of three. All or nothing: a refusal or a failure half-way leaves the database exactly as it was.
 */
@ExtendWith(TestDatabaseExtension.class)
class AdoptionTest {

    private static final String LOCATION = "classpath:db/adoption/tenant";
    private static final String SINGLE_TENANT_DATABASE = """
            CREATE TABLE public.customers (id bigserial PRIMARY KEY, name text NOT NULL,
                plan varchar(20) REFERENCES public.plans (code));
            CREATE SEQUENCE public.invoice_numbers START 1000;
            CREATE TABLE public.invoices (id bigserial PRIMARY KEY,
                number bigint NOT NULL DEFAULT nextval('public.invoice_numbers'),
                customer_id bigint NOT NULL REFERENCES public.customers (id), total numeric(10, 2) NOT NULL);
            CREATE INDEX invoices_by_customer ON public.invoices (customer_id);
            ALTER TABLE public.customers ADD COLUMN last_invoice_id bigint REFERENCES public.invoices (id);
            CREATE VIEW public.customer_totals AS SELECT c.name, sum(i.total) AS total FROM public.customers c
                JOIN public.invoices i ON i.customer_id = c.id GROUP BY c.name;
            CREATE TABLE public.announcements (id serial PRIMARY KEY, text text NOT NULL);
            INSERT INTO public.customers (name, plan) VALUES ('Ada', 'pro'), ('Brian', 'free');
            INSERT INTO public.invoices (customer_id, total) VALUES (1, 10.50), (1, 20.00), (2, 7.25);
            UPDATE public.customers SET last_invoice_id = 2 WHERE id = 1;
            INSERT INTO public.announcements (text) VALUES ('shared news');
            """;

    private static ProvisioningFixture fixture;
    private static TenantMigrator migrator;
    private static TenantProvisioner provisioner;
    private static final List<String> ended = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void setUp(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 4);
        migrator = fixture.migrator(LOCATION);
        provisioner = TenantProvisioner.builder(fixture.pool(), migrator).template("_adoption_template")
                .listener(new TenantListener() {
                    @Override
                    public void creationEnded(CreationOutcome outcome) {
                        ended.add(outcome.schema() + ":" + outcome.mode() + ":" + outcome.created());
                    }
                }).build();
        provisioner.installSchema();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    @BeforeEach
    void aSingleTenantDatabase() {
        ended.clear();
        fixture.reset();
        fixture.sql("DROP EVENT TRIGGER IF EXISTS fail_moving_invoices; DO $$ BEGIN IF (SELECT relkind FROM pg_class "
                + "WHERE oid = to_regclass('public.customer_totals')) = 'r' THEN DROP TABLE public.customer_totals; "
                + "END IF; END $$; DROP VIEW IF EXISTS public.customer_totals;"
                + "DROP TABLE IF EXISTS public.payments, public.invoices, public.customers, public.announcements "
                + "CASCADE; DROP SEQUENCE IF EXISTS public.invoice_numbers;");
        fixture.sql(SINGLE_TENANT_DATABASE);
    }

    private static TenantRequest first() {
        return TenantRequest.subdomain("first").value("name", "First Customer Ltd");
    }

    @Test
    void thePlanListsWhatWouldMoveAndWhatStaysAndChangesNothing() {
        List<String> before = snapshot();

        AdoptionPlan plan = provisioner.planAdoption(first(), AdoptionOptions.defaults().atVersion("2"));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.moving()).containsExactly("table customers", "table invoices", "sequence invoice_numbers",
                "view customer_totals");
        assertThat(plan.staying()).contains("table announcements", "table plans", "table tenants", "table domains")
                .doesNotContain("table customers");
        assertThat(plan.versions()).containsExactly("1", "2");
        assertThat(plan.describe()).contains("move  table invoices", "stay  table announcements");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void adoptedTablesKeepTheirDataSequencesAndKeysAndLaterMigrationsApply() {
        TenantInfo tenant = provisioner.adopt(first(), AdoptionOptions.defaults().atVersion("2"));

        assertThat(tenant.schema().value()).isEqualTo("tenant_first");
        assertThat(fixture.tenants()).containsExactly("tenant_first:ACTIVE");
        assertThat(fixture.domains()).containsExactly("first.localhost:tenant_first:true");
        assertThat(fixture.string("SELECT to_regclass('public.customers')")).isNull();
        assertThat(fixture.strings("SELECT text FROM public.announcements")).containsExactly("shared news");
        assertThat(fixture.strings("SELECT name || '=' || total FROM tenant_first.customer_totals ORDER BY name"))
                .containsExactly("Ada=30.50", "Brian=7.25");
        assertThat(fixture.string("SELECT c.name FROM tenant_first.customers c JOIN tenant_first.invoices i "
                + "ON i.id = c.last_invoice_id")).isEqualTo("Ada");
        assertThat(fixture.string("INSERT INTO tenant_first.invoices (customer_id, total) VALUES (2, 1) "
                + "RETURNING id || ':' || number")).isEqualTo("4:1003");
        assertThatThrownBy(() -> fixture.sql("UPDATE tenant_first.customers SET plan = 'gold'"))
                .hasMessageContaining("customers_plan_fkey");
        assertThat(fixture.strings("SELECT version FROM tenant_first.flyway_schema_history WHERE version IS NOT "
                + "NULL ORDER BY installed_rank")).containsExactly("1", "2");

        migrator.migrateSchema(SchemaName.of("tenant_first"));

        assertThat(fixture.string("SELECT to_regclass('tenant_first.notes')::text")).isEqualTo("tenant_first.notes");
        assertThat(fixture.audit()).endsWith("ADOPT:tenant_first:SUCCESS");
        assertThat(ended).containsExactly("tenant_first:ADOPTION:true");
    }

    @Test
    void aSharedTablesForeignKeyToATableThatWouldMoveIsRefusedAndNothingChanges() {
        fixture.sql("CREATE TABLE public.payments (id serial PRIMARY KEY, invoice_id bigint REFERENCES "
                + "public.invoices (id)); INSERT INTO public.payments (invoice_id) VALUES (1)");
        List<String> before = snapshot();

        assertThatThrownBy(() -> provisioner.adopt(first(), AdoptionOptions.defaults()))
                .isInstanceOf(TenantConflictException.class)
                .hasMessageContaining("The shared table public.payments references invoices with its foreign key "
                        + "payments_invoice_id_fkey; drop or move that key first.");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(provisioner.planAdoption(first(), AdoptionOptions.defaults()).feasible()).isFalse();
        assertThat(ended).as("a refused adoption never started").isEmpty();
    }

    @Test
    void namesThatCollideWithTheTenantMigrationsOrTenancysTablesAreRefused() {
        fixture.sql("DROP VIEW public.customer_totals; CREATE TABLE public.customer_totals (name text)");

        assertThatThrownBy(() -> provisioner.adopt(first(), AdoptionOptions.defaults()))
                .isInstanceOf(TenantConflictException.class)
                .hasMessageContaining("'customer_totals' is a table in public but a view in the tenant migrations; "
                        + "the names collide.");
        assertThatThrownBy(() -> provisioner.adopt(first(), AdoptionOptions.defaults().tables("customers", "tenants")))
                .hasMessageContaining("'tenants' in public is a shared table Tenancy needs there");
        assertThat(fixture.tenants()).isEmpty();
        assertThat(fixture.schemaExists("tenant_first")).isFalse();
    }

    @Test
    void aFailureHalfWayLeavesTheDatabaseExactlyAsItWas() {
        fixture.sql("""
                CREATE OR REPLACE FUNCTION public.fail_moving_invoices() RETURNS event_trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE object_identity LIKE '%.invoices')
                    THEN RAISE EXCEPTION 'injected failure while moving invoices';
                    END IF;
                END $$;
                CREATE EVENT TRIGGER fail_moving_invoices ON ddl_command_end WHEN TAG IN ('ALTER TABLE')
                    EXECUTE FUNCTION public.fail_moving_invoices();
                """);
        List<String> before = snapshot();

        assertThatThrownBy(() -> provisioner.adopt(first(), AdoptionOptions.defaults()))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("injected failure while moving invoices");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(fixture.tenants()).isEmpty();
        assertThat(fixture.schemaExists("tenant_first")).isFalse();
        assertThat(fixture.audit()).endsWith("ADOPT:tenant_first:FAILURE");
        assertThat(ended).containsExactly("tenant_first:ADOPTION:false");
    }

    /** The application's part of the database: every relation, column, constraint, index, view, sequence and row. */
    private static List<String> snapshot() {
        List<String> lines = new ArrayList<>();
        lines.addAll(fixture.strings("SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', "
                + "'information_schema', 'pg_toast', '_adoption_template') ORDER BY 1"));
        lines.addAll(fixture.strings("SELECT table_schema || '.' || table_name || '.' || column_name || ' ' "
                + "|| data_type || ' ' || coalesce(column_default, '') FROM information_schema.columns "
                + "WHERE table_schema = 'public' ORDER BY 1"));
        lines.addAll(fixture.strings("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
                + "FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1"));
        lines.addAll(fixture.strings("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"));
        lines.addAll(fixture.strings("SELECT pg_get_viewdef('public.customer_totals'::regclass)"));
        lines.addAll(fixture.strings("SELECT 'seq ' || last_value FROM public.invoice_numbers UNION ALL "
                + "SELECT 'cid ' || last_value FROM public.customers_id_seq UNION ALL "
                + "SELECT 'iid ' || last_value FROM public.invoices_id_seq"));
        lines.addAll(fixture.strings("SELECT row_to_json(c)::text FROM public.customers c ORDER BY id"));
        lines.addAll(fixture.strings("SELECT row_to_json(i)::text FROM public.invoices i ORDER BY id"));
        lines.addAll(fixture.strings("SELECT nspname FROM pg_namespace ORDER BY 1"));
        lines.addAll(fixture.tenants());
        lines.addAll(fixture.domains());
        return lines;
    }
}
