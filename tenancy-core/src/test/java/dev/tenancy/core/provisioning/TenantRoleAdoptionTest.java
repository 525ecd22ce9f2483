package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.AppLogin;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With tenant roles on, adopting a single-tenant database's tables gives the new tenant its role with exactly the
 * rights of a tenant created from the same migrations, over the adopted tables, their sequences and view; PostgreSQL
 * then refuses each tenant the other's tables. An adoption that fails after the role was made leaves neither the role
 * nor anything else behind. As a non-superuser login with {@code CREATEROLE} that owns the adopted tables.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantRoleAdoptionTest {

    private static final String SINGLE_TENANT_TABLES = """
            CREATE TABLE public.customers (id bigserial PRIMARY KEY, name text NOT NULL,
                plan varchar(20) REFERENCES public.plans (code));
            CREATE SEQUENCE public.invoice_numbers START 1000;
            CREATE TABLE public.invoices (id bigserial PRIMARY KEY,
                number bigint NOT NULL DEFAULT nextval('public.invoice_numbers'),
                customer_id bigint NOT NULL REFERENCES public.customers (id), total numeric(10, 2) NOT NULL);
            ALTER TABLE public.customers ADD COLUMN last_invoice_id bigint REFERENCES public.invoices (id);
            CREATE VIEW public.customer_totals AS SELECT c.name, sum(i.total) AS total FROM public.customers c
                JOIN public.invoices i ON i.customer_id = c.id GROUP BY c.name;
            CREATE TABLE public.notes (id bigserial PRIMARY KEY, body text NOT NULL);
            INSERT INTO public.customers (name, plan) VALUES ('Ada', 'pro');
            INSERT INTO public.invoices (customer_id, total) VALUES (1, 10.50);
            """;

    private static TestDatabase database;
    private static AppLogin app;
    private static TenantRoles roles;
    private static TenantAwareDataSource dataSource;
    private static TenantProvisioner provisioner;

    @BeforeAll
    static void sharedTablesOwnedByTheLogin(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        app = new AppLogin(database, 4);
        roles = app.roles();
        dataSource = TenantAwareDataSource.builder(app.pool()).tenantRoles(roles).build();
        execute(ProvisioningFixture.TABLES);
    }

    @AfterAll
    static void dropEverything() {
        app.asSuperuser("DROP EVENT TRIGGER IF EXISTS refuse_grants");
        app.close();
    }

    @BeforeEach
    void aSingleTenantDatabaseOwnedByTheLogin() throws SQLException {
        app.asSuperuser("""
                DROP EVENT TRIGGER IF EXISTS refuse_grants;
                DO $$ DECLARE s record; BEGIN
                  FOR s IN SELECT nspname FROM pg_namespace
                           WHERE nspname LIKE 'tenant\\_%%' OR nspname LIKE '\\_tenancy%%'
                  LOOP EXECUTE format('DROP SCHEMA %%I CASCADE', s.nspname); END LOOP;
                  FOR s IN SELECT rolname FROM pg_roles WHERE starts_with(rolname, '%s')
                  LOOP EXECUTE format('DROP ROLE %%I', s.rolname); END LOOP;
                END $$;
                DELETE FROM public.domains; DELETE FROM public.tenants;
                DROP TABLE IF EXISTS public.tenancy_provisioning, public.tenancy_audit, public.tenancy_schema_versions,
                    public.flyway_schema_history;
                DROP VIEW IF EXISTS public.customer_totals;
                DROP TABLE IF EXISTS public.invoices, public.customers, public.notes CASCADE;
                DROP SEQUENCE IF EXISTS public.invoice_numbers""".formatted(roles.prefix()));
        execute(SINGLE_TENANT_TABLES);
        provisioner = TenantProvisioner.builder(dataSource, TenantMigrator.builder(dataSource)
                .tenantLocations("classpath:db/adoption/tenant").build()).build();
    }

    @Test
    void theAdoptedTenantsRoleHasExactlyACreatedTenantsRightsAndNoOtherTenantsTables() throws Exception {
        SchemaName created = provisioner.create(TenantRequest.subdomain("created").value("name", "Created")).schema();

        SchemaName adopted = provisioner.adopt(TenantRequest.subdomain("adopted").value("name", "Adopted"),
                AdoptionOptions.defaults()).schema();

        assertThat(privileges(adopted)).isEqualTo(privileges(created))
                .contains("schema <schema> USAGE", "relation <schema>.customers UPDATE",
                        "relation <schema>.invoice_numbers USAGE", "relation <schema>.customer_totals SELECT")
                .doesNotContain("schema <schema> CREATE");
        assertThat(Tenants.call(adopted, () -> strings("INSERT INTO invoices (customer_id, total) VALUES (1, 2) "
                + "RETURNING number"))).containsExactly("1001");
        assertThat(Tenants.call(adopted, () -> strings("SELECT name || '=' || total FROM customer_totals")))
                .containsExactly("Ada=12.50");
        assertThatThrownBy(() -> Tenants.call(adopted, () -> strings("SELECT name FROM tenant_created.customers")))
                .hasMessageContaining("permission denied for schema tenant_created");
        assertThatThrownBy(() -> Tenants.call(created, () -> strings("SELECT name FROM tenant_adopted.customers")))
                .hasMessageContaining("permission denied for schema tenant_adopted");
    }

    @Test
    void anAdoptionFailingAfterItsRoleWasMadeLeavesNoRoleAndTheTablesWhereTheyWere() throws Exception {
        provisioner.create(TenantRequest.subdomain("created").value("name", "Created"));
        app.asSuperuser("""
                CREATE OR REPLACE FUNCTION public.refuse_grants() RETURNS event_trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected: grants refused'; END $$;
                CREATE EVENT TRIGGER refuse_grants ON ddl_command_start WHEN TAG IN ('GRANT')
                    EXECUTE FUNCTION public.refuse_grants()""");

        assertThatThrownBy(() -> provisioner.adopt(TenantRequest.subdomain("adopted").value("name", "Adopted"),
                AdoptionOptions.defaults()))
                .hasMessageContaining("nothing was changed").hasMessageContaining("injected: grants refused");

        app.asSuperuser("DROP EVENT TRIGGER refuse_grants");
        assertThat(superuserStrings("SELECT rolname FROM pg_roles WHERE starts_with(rolname, '" + roles.prefix()
                + "') ORDER BY 1")).containsExactly(roles.roleName(SchemaName.of("tenant_created")));
        assertThat(superuserStrings("SELECT name FROM public.customers")).containsExactly("Ada");
        assertThat(superuserStrings("SELECT schema_name FROM public.tenants")).containsExactly("tenant_created");
    }

    private static List<String> privileges(SchemaName schema) {
        return RolePrivileges.of(database, roles, schema, app.name());
    }

    /** Runs {@code sql} as the login: through the tenant-aware data source, outside any tenant. */
    private static void execute(String sql) throws SQLException {
        RoleTestSql.execute(dataSource, sql);
    }

    private static List<String> strings(String sql) throws SQLException {
        return RoleTestSql.strings(dataSource, sql);
    }

    private static List<String> superuserStrings(String sql) throws SQLException {
        return RoleTestSql.superuserStrings(database, sql);
    }
}
