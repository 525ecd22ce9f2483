package dev.tenancy.test;

import static dev.tenancy.test.PlainTenantTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Test classes run in parallel (JUnit's parallel execution, every class and method concurrent by default) without
 * colliding: classes sharing a tenant schema take turns, their methods run one at a time, and classes with tenants
 * of their own really run side by side.
 */
class ParallelClassesTest {

    private static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    static final AtomicInteger inSharedSchema = new AtomicInteger();
    static final AtomicInteger mostInSharedSchema = new AtomicInteger();
    static volatile CountDownLatch ownSchemasRunning;

    @Test
    void classesSharingATenantTakeTurnsAndOthersRunSideBySide() {
        inSharedSchema.set(0);
        mostInSharedSchema.set(0);
        ownSchemasRunning = new CountDownLatch(2);

        EngineExecutionResults results = Kit.run(PARALLEL, SharedA.class, SharedB.class, SharedC.class, OwnOne.class,
                OwnTwo.class);

        results.testEvents().assertStatistics(stats -> stats.started(11).succeeded(11));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(mostInSharedSchema).hasValue(1);
    }

    abstract static class SharedSchema {

        @BeforeAll
        static void enter() {
            int inside = inSharedSchema.incrementAndGet();
            mostInSharedSchema.accumulateAndGet(inside, Math::max);
        }

        @AfterAll
        static void leave() {
            inSharedSchema.decrementAndGet();
        }

        @Test
        void first(DataSource dataSource) throws SQLException {
            writeAndCount(dataSource);
        }

        @Test
        void second(DataSource dataSource) throws SQLException {
            writeAndCount(dataSource);
        }

        @Test
        void third(DataSource dataSource) throws SQLException {
            writeAndCount(dataSource);
        }
    }

    static void writeAndCount(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes (body) VALUES ('mine')");
            assertThat(strings(connection, "SELECT count(*) FROM notes")).containsExactly("1");
        }
    }

    @TenantTest(schema = "par_shared")
    static class SharedA extends SharedSchema {
    }

    @TenantTest(schema = "par_shared")
    static class SharedB extends SharedSchema {
    }

    @TenantTest(schema = "par_shared")
    static class SharedC extends SharedSchema {
    }

    abstract static class OwnSchema {
        @Test
        void runsWhileTheOtherClassRuns(DataSource dataSource) throws Exception {
            writeAndCount(dataSource);
            ownSchemasRunning.countDown();
            assertThat(ownSchemasRunning.await(30, TimeUnit.SECONDS))
                    .as("the other class with a tenant of its own runs at the same time").isTrue();
        }
    }

    @TenantTest(schema = "par_own_one")
    static class OwnOne extends OwnSchema {
    }

    @TenantTest(schema = "par_own_two")
    static class OwnTwo extends OwnSchema {
    }
}
