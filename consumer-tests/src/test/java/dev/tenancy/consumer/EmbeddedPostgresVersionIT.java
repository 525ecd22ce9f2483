package dev.tenancy.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A consumer of {@code tenancy-test-support} that pins no PostgreSQL version gets the embedded PostgreSQL 17 the
 * README promises (the embedded library's own default is 14), whether it imports {@code tenancy-bom} or writes the
 * test support's version on the dependency.
 */
class EmbeddedPostgresVersionIT {

    @Test
    void aConsumerOfTestSupportGetsPostgresql17WithoutPinningIt(@TempDir Path work) throws Exception {
        ConsumerProjects.Build build = new ConsumerProjects().build("consumer", work, "test");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(Files.readString(work.resolve("consumer/bom-import/target/postgres-version.txt")))
                .startsWith("17.");
        assertThat(Files.readString(work.resolve("consumer/plain-version/target/postgres-version.txt")))
                .startsWith("17.");
    }
}
