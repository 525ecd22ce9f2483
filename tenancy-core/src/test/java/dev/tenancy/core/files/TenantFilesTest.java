package dev.tenancy.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.Tenants;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each tenant's files stay under its own root, and no name or link reaches outside it. */
class TenantFilesTest {

    private static final SchemaName ALPHA = SchemaName.of("tenant_alpha");
    private static final SchemaName BETA = SchemaName.of("tenant_beta");

    @TempDir
    Path base;

    private TenantFiles files;
    private Path outside;

    @BeforeEach
    void setUp() throws IOException {
        files = TenantFiles.withRootPattern(base.resolve("%s/media").toString());
        outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "not yours");
    }

    @Test
    void aTenantStoresReadsListsAndDeletesItsFilesUnderItsOwnRoot() throws IOException {
        Tenants.run(ALPHA, () -> {
            Path stored = files.store("invoices/2026/jan.txt", text("alpha invoice"));
            assertThat(stored).isEqualTo(base.resolve("tenant_alpha/media/invoices/2026/jan.txt"));
            assertThat(read("invoices/2026/jan.txt")).isEqualTo("alpha invoice");
            assertThat(files.list("")).containsExactly("invoices");
            assertThat(files.list("invoices/2026")).containsExactly("invoices/2026/jan.txt");
            assertThat(files.delete("invoices/2026/jan.txt")).isTrue();
            assertThat(files.exists("invoices/2026/jan.txt")).isFalse();
            assertThat(files.delete("invoices/2026/jan.txt")).isFalse();
        });
    }

    @Test
    void anotherTenantNeverSeesATenantsFiles() throws IOException {
        Tenants.run(ALPHA, () -> files.store("logo.png", text("alpha logo")));
        Tenants.run(BETA, () -> {
            assertThat(files.exists("logo.png")).isFalse();
            assertThat(files.list("")).isEmpty();
            files.store("logo.png", text("beta logo"));
        });
        Tenants.run(ALPHA, () -> assertThat(read("logo.png")).isEqualTo("alpha logo"));
    }

    @Test
    void storingReplacesAFileWhole() throws IOException {
        Tenants.run(ALPHA, () -> {
            files.store("note.txt", text("first"));
            files.store("note.txt", text("second"));
            assertThat(read("note.txt")).isEqualTo("second");
            assertThat(files.list("")).containsExactly("note.txt");
        });
    }

    @Test
    void publicCodeHasNoFilesToTouch() {
        assertThatThrownBy(() -> files.resolve("logo.png"))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("need a tenant");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "../tenant_beta/media/logo.png",     // parent segment
        "a/../../outside/secret.txt",        // parent segment after a directory
        "..",
        ".",
        "a/./b",
        "/etc/passwd",                       // absolute
        "%2e%2e/outside/secret.txt",         // percent-encoded dots
        "..%2Foutside%2Fsecret.txt",         // percent-encoded slash
        "%252e%252e/secret.txt",             // double-encoded
        "a%00.txt",                          // encoded NUL
        "a\u0000.txt",                       // NUL
        "a\n.txt",                           // control character
        "..\\outside\\secret.txt",           // backslash
        "\uFF0E\uFF0E/outside/secret.txt",   // full-width dots
        "..\uFF0Foutside\uFF0Fsecret.txt",   // full-width solidus
        "..\uFF3Csecret.txt",                // full-width reverse solidus
        "\u2025/outside/secret.txt",         // two dot leader, ".." after NFKC
        "..\u2215secret.txt",                // division slash
        "a//b",                              // empty segment
        "a/",                                // trailing slash
        ""
    })
    void aNameThatCouldLeaveTheTenantsRootIsRefusedBeforeAnythingIsTouched(String name) {
        Tenants.run(ALPHA, () -> {
            assertThatThrownBy(() -> files.resolve(name)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> files.store(name, text("x"))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> files.read(name)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> files.delete(name)).isInstanceOf(InvalidInputException.class);
        });
        assertThat(outside.resolve("secret.txt")).hasContent("not yours");
        assertThat(base.resolve("tenant_alpha")).doesNotExist();
    }

    @Test
    void theRefusalSaysWhichRuleWasBroken() {
        Tenants.run(ALPHA, () -> assertThatThrownBy(() -> files.resolve("../x"))
                .hasMessage("The file name '../x' was refused: it has a '..' segment."));
    }

    @Test
    void aDirectoryLinkLeadingOutOfTheRootIsRefused() throws IOException {
        Path root = Files.createDirectories(base.resolve("tenant_alpha/media"));
        Files.createSymbolicLink(root.resolve("out"), outside);

        Tenants.run(ALPHA, () -> {
            assertThatThrownBy(() -> files.read("out/secret.txt")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> files.store("out/planted.txt", text("x")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> files.store("out/new/planted.txt", text("x")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> files.list("out")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> files.delete("out/secret.txt")).isInstanceOf(InvalidInputException.class);
        });
        assertThat(outside.resolve("secret.txt")).hasContent("not yours");
        assertThat(outside.resolve("planted.txt")).doesNotExist();
        assertThat(outside.resolve("new")).doesNotExist();
    }

    @Test
    void aFileLinkLeadingOutOfTheRootIsRefused() throws IOException {
        Path root = Files.createDirectories(base.resolve("tenant_alpha/media"));
        Files.createSymbolicLink(root.resolve("secret.txt"), outside.resolve("secret.txt"));

        Tenants.run(ALPHA, () -> {
            assertThatThrownBy(() -> files.read("secret.txt")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> files.store("secret.txt", text("overwritten")))
                    .isInstanceOf(InvalidInputException.class);
        });
        assertThat(outside.resolve("secret.txt")).hasContent("not yours");
    }

    @Test
    void aRootPatternWithoutExactlyOnePlaceholderIsRefused() {
        assertThatThrownBy(() -> TenantFiles.withRootPattern("/var/app/media"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("%s exactly once");
        assertThatThrownBy(() -> TenantFiles.withRootPattern("/var/%s/%s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantFiles.withRootPattern("/var/%d/%s"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String read(String name) throws IOException {
        try (InputStream in = files.read(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
