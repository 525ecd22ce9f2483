package dev.tenancy.test;

import static dev.tenancy.test.PlainTenantTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The two modes and clean-up, proven by running fixture classes in a test run of their own and looking at the
 * database from a later fixture class and after the run.
 */
class TenantLifecycleTest {

    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void freshTenantsAreDroppedAfterTheirClassReusedOnesLiveUntilTheRunEnds() throws SQLException {
        EngineExecutionResults results = Kit.run(Fresh.class, ReusedFirst.class, ReusedSecond.class, Observer.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(seen.get("fresh schema existed")).isEqualTo(List.of("fresh_tenant"));
        assertThat(seen.get("reused id second")).isEqualTo(seen.get("reused id first"));
        assertThat(seen.get("observer")).isEqualTo(List.of(
                "schemas observer, reused_tenant",
                "tenant rows observer, reused_tenant",
                "domains observer.localhost, reused-tenant.localhost",
                "plans basic, professional"));
        assertThat(Kit.databaseExists((String) seen.get("database"))).isFalse();
    }

    @Test
    void aFailingTestLeavesNothingBehindForTheNextClass() {
        EngineExecutionResults results = Kit.run(FailingWriter.class, NextReader.class, FailingFresh.class,
                FreshObserver.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(seen.get("next reader")).isEqualTo(List.of("0", "general, urgent"));
        assertThat(seen.get("fresh observer")).isEqualTo(List.of(
                "schemas fresh_observer, shared_state", "tenant rows fresh_observer, shared_state"));
    }

    @Test
    void schemasTheExtensionDidNotCreateAreNeverTakenOver() {
        EngineExecutionResults results = Kit.run(Saboteur.class, Occupied.class, Leftover.class, Survivor.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(Occupied.class),
                finishedWithFailure(message(text -> text.contains("Cannot create test tenant occupied: a schema of "
                        + "that name already exists and was not created by @TenantTest")))));
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        results.containerEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(seen.get("leftover id")).isNotEqualTo(seen.get("planted leftover id"));
        assertThat(seen.get("survivor")).isEqualTo(List.of("occupied", "foreign row"));
    }

    static List<String> catalog(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return List.of(
                    "schemas " + String.join(", ", strings(connection, "SELECT nspname FROM pg_namespace WHERE "
                            + "obj_description(oid, 'pg_namespace') LIKE 'Test tenant%' ORDER BY nspname")),
                    "tenant rows " + String.join(", ", strings(connection, "SELECT schema_name FROM public.tenants "
                            + "ORDER BY schema_name")),
                    "domains " + String.join(", ", strings(connection, "SELECT domain FROM public.domains "
                            + "ORDER BY domain")),
                    "plans " + String.join(", ", strings(connection, "SELECT name FROM public.plans ORDER BY name")));
        }
    }

    static void sql(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @TenantTest(schema = "fresh_tenant", mode = TenantTest.Mode.FRESH)
    @Order(1)
    static class Fresh {
        @Test
        void exists(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                seen.put("fresh schema existed", strings(connection,
                        "SELECT nspname FROM pg_namespace WHERE nspname = 'fresh_tenant'"));
                seen.put("database", strings(connection, "SELECT current_database()").get(0));
            }
        }
    }

    @TenantTest(schema = "reused_tenant")
    @Order(2)
    static class ReusedFirst {
        @Test
        void writes(TestTenant tenant, DataSource dataSource) throws SQLException {
            seen.put("reused id first", tenant.id());
            sql(dataSource, "INSERT INTO notes (body) VALUES ('left by the first class')");
        }
    }

    @TenantTest(schema = "reused_tenant")
    @Order(3)
    static class ReusedSecond {
        @Test
        void getsTheSameTenantWithoutTheData(TestTenant tenant, DataSource dataSource) throws SQLException {
            seen.put("reused id second", tenant.id());
            try (Connection connection = dataSource.getConnection()) {
                assertThat(strings(connection, "SELECT count(*) FROM notes")).containsExactly("0");
            }
        }
    }

    @TenantTest(schema = "observer")
    @Order(4)
    static class Observer {
        @Test
        void looksAtTheCatalog(DataSource dataSource) throws SQLException {
            seen.put("observer", catalog(dataSource));
        }
    }

    @TenantTest(schema = "shared_state")
    @Order(1)
    static class FailingWriter {
        @Test
        void writesThenFails(DataSource dataSource) throws SQLException {
            sql(dataSource, "INSERT INTO notes (body) VALUES ('half done'); DELETE FROM categories");
            throw new AssertionError("this test fails on purpose");
        }
    }

    @TenantTest(schema = "shared_state")
    @Order(2)
    static class NextReader {
        @Test
        void findsTheMigratedState(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                seen.put("next reader", List.of(strings(connection, "SELECT count(*) FROM notes").get(0),
                        String.join(", ", strings(connection, "SELECT name FROM categories ORDER BY id"))));
            }
        }
    }

    @TenantTest(schema = "fresh_failing", mode = TenantTest.Mode.FRESH)
    @Order(3)
    static class FailingFresh {
        @Test
        void fails(DataSource dataSource) throws SQLException {
            sql(dataSource, "INSERT INTO notes (body) VALUES ('half done')");
            throw new AssertionError("this test fails on purpose");
        }
    }

    @TenantTest(schema = "fresh_observer", mode = TenantTest.Mode.FRESH)
    @Order(4)
    static class FreshObserver {
        @Test
        void looksAtTheCatalog(DataSource dataSource) throws SQLException {
            seen.put("fresh observer", catalog(dataSource).subList(0, 2));
        }
    }

    @TenantTest(schema = "saboteur")
    @Order(1)
    static class Saboteur {
        @Test
        void plantsSchemasAndRows(DataSource dataSource) throws SQLException {
            sql(dataSource, "CREATE SCHEMA occupied; INSERT INTO public.tenants (schema_name, name) "
                    + "VALUES ('foreign', 'foreign row')");
            sql(dataSource, "CREATE SCHEMA leftover; COMMENT ON SCHEMA leftover IS '" + TestTenantFactory.MARKER
                    + "'; INSERT INTO public.tenants (schema_name, status) VALUES ('leftover', 'ACTIVE')");
            try (Connection connection = dataSource.getConnection()) {
                seen.put("planted leftover id", Long.valueOf(strings(connection,
                        "SELECT id FROM public.tenants WHERE schema_name = 'leftover'").get(0)));
            }
        }
    }

    @TenantTest(schema = "occupied")
    @Order(2)
    static class Occupied {
        @Test
        void neverRuns() {
            throw new AssertionError("the class must fail before its tests");
        }
    }

    @TenantTest(schema = "leftover")
    @Order(3)
    static class Leftover {
        @Test
        void replacesTheLeftoverOfAnEarlierRun(TestTenant tenant) {
            seen.put("leftover id", tenant.id());
        }
    }

    @TenantTest(schema = "survivor")
    @Order(4)
    static class Survivor {
        @Test
        void findsWhatTheExtensionDidNotCreate(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                seen.put("survivor", List.of(
                        strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = 'occupied'").get(0),
                        strings(connection, "SELECT name FROM public.tenants WHERE schema_name = 'foreign'").get(0)));
            }
        }
    }
}
