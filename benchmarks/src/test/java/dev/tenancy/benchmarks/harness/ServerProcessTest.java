package dev.tenancy.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
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
}
