package dev.tenancy.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark application's child JVM never outlives the harness's use of it. */
class ServerProcessTest {

    private static BenchmarkDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = BenchmarkDatabase.create("server_process", 1);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void aServerThatIsNotReadyInTimeIsStoppedBeforeTheFailureReachesTheCaller() throws Exception {
        ServerProcess server = ServerProcess.start("never-ready", database, null, List.of("-Xmx128m"), List.of());
        long pid = server.pid();

        assertThatThrownBy(() -> server.awaitReady(Duration.ofMillis(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not start within");

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aPausedServerIsSuspendedUntilResumedAndClosingItEndsItsJvm() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "No /proc to read a process state from");
        ServerProcess server = ServerProcess.start("paused", database, null, List.of("-Xmx128m"),
                List.of("--tenancy.enabled=false")).awaitReady();
        long pid = server.pid();
        try {
            server.pause();
            assertThat(awaitState(pid, true)).isEqualTo("T");
            server.resume();
            assertThat(awaitState(pid, false)).isNotEqualTo("T");
            server.pause();
        } finally {
            server.close();
        }

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    /** Polls the process's state until it is (or is no longer) stopped, for at most ten seconds; returns the last. */
    private static String awaitState(long pid, boolean stopped) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String state = state(pid);
        while (state.equals("T") != stopped && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
            state = state(pid);
        }
        return state;
    }

    /** The process's state letter from {@code /proc/<pid>/stat}: {@code T} when stopped by a signal. */
    private static String state(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }
}
