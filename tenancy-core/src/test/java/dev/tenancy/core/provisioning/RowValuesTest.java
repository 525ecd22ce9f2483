package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * When a set-up step fails on a constraint, PostgreSQL's message names the row's values ("Failing row contains
 * (...)", "Key (email)=(...)"): neither the audit row, nor the provisioner's exception, nor its log lines repeat them.
 */
@ExtendWith(TestDatabaseExtension.class)
class RowValuesTest {

    private static final String SECRET = "mallory@example.com";

    private static ProvisioningFixture fixture;
    private static TenantAwareDataSource tenants;
    private final List<String> logged = new ArrayList<>();

    @BeforeAll
    static void database(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 4);
        tenants = TenantAwareDataSource.wrap(fixture.pool());
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void nothingYet() {
        fixture.reset();
    }

    private static void sql(String sql) throws Exception {
        try (Connection connection = tenants.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO users (email, display_name, created_at) VALUES ('" + SECRET + "', 'Mallory', NULL)",
        "INSERT INTO users (email) VALUES ('" + SECRET + "'), ('" + SECRET + "')"})
    void aFailedStepsRowValuesReachNeitherTheAuditNorTheExceptionNorTheLog(String failingInsert) {
        Logger logger = Logger.getLogger(TenantProvisioner.class.getName());
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(recorder);
        try {
            TenantProvisioner provisioner = fixture.provisioner().listener(new TenantListener() {
                @Override
                public void createFailed(TenantInfo tenant, Exception cause) {
                    throw new IllegalStateException("listener saw: " + cause.getMessage());
                }
            }).build();
            assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("acme").value("name", "Acme")
                    .setUp(tenant -> sql(failingInsert))))
                    .isInstanceOf(TenancyException.class)
                    .hasMessageContaining("set-up steps")
                    .hasMessageContaining("violates")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET, "Mallory"));
        } finally {
            logger.removeHandler(recorder);
        }
        assertThat(fixture.strings("SELECT error FROM public.tenancy_audit WHERE outcome = 'FAILURE'"))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("violates").doesNotContain(SECRET));
        assertThat(logged).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(SECRET, "Mallory"));
    }
}
