package dev.tenancy.boot.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.boot.jobs.TenantJobReport;
import dev.tenancy.boot.jobs.TenantJobs;
import dev.tenancy.core.files.TenantFiles;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With {@code tenancy.files.root-pattern} set (in the test application.properties), each active tenant exports its
 * notes from PostgreSQL into a file of its own, under its own root, and lists only its own files.
 */
@TestAppTest
class TenantFilesBeanTest {

    @Autowired
    TenantFiles files;

    @Autowired
    TenantJobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachTenantsFilesGoUnderItsOwnRootFromThePattern() throws IOException {
        TenantJobReport<Object> report = jobs.runForEachActive(tenant -> {
            String notes = String.join("\n", jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class));
            files.store("exports/notes.txt", new ByteArrayInputStream(notes.getBytes(StandardCharsets.UTF_8)));
            return files.list("exports");
        });

        assertThat(report.succeeded()).isTrue();
        assertThat(report.values().values()).allSatisfy(listed -> assertThat(listed).asList()
                .containsExactly("exports/notes.txt"));
        Path base = Path.of("target/tenant-files-test").toAbsolutePath();
        assertThat(Files.readString(base.resolve("tenant_alpha/media/exports/notes.txt"))).isEqualTo("alpha note");
        assertThat(Files.readString(base.resolve("tenant_beta/media/exports/notes.txt"))).isEqualTo("beta note");
    }
}
