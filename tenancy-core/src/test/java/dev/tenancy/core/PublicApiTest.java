package dev.tenancy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's public API is a short, deliberate list: applications, the starter and the test support see these types
 * and nothing else (every other class is package-private). A new public type must be added here on purpose, and
 * every public type, nested ones included, says in Javadoc what it promises.
 */
class PublicApiTest {

    /** The public top-level types; value types and builders that belong to one of them are nested in it. */
    private static final List<String> PUBLIC_TYPES = List.of(
            "dev.tenancy.core.InvalidInputException",
            "dev.tenancy.core.SchemaName",
            "dev.tenancy.core.SqlIdentifiers",
            "dev.tenancy.core.TenancyException",
            "dev.tenancy.core.TenantConflictException",
            "dev.tenancy.core.TenantNotFoundException",
            "dev.tenancy.core.TenantSchemaMissingException",
            "dev.tenancy.core.TenantScope",
            "dev.tenancy.core.TenantSwitchRefusedException",
            "dev.tenancy.core.Tenants",
            "dev.tenancy.core.check.DatabaseChecks",
            "dev.tenancy.core.directory.DomainStore",
            "dev.tenancy.core.directory.TenantDirectory",
            "dev.tenancy.core.directory.TenantTables",
            "dev.tenancy.core.files.TenantFiles",
            "dev.tenancy.core.hibernate.HibernateTenancy",
            "dev.tenancy.core.jdbc.TenantAwareDataSource",
            "dev.tenancy.core.migration.MigrationListener",
            "dev.tenancy.core.migration.MigrationPlan",
            "dev.tenancy.core.migration.MigrationReport",
            "dev.tenancy.core.migration.MigrationTarget",
            "dev.tenancy.core.migration.SchemaMigrator",
            "dev.tenancy.core.migration.SchemaStatus",
            "dev.tenancy.core.migration.TenantMigrator",
            "dev.tenancy.core.migration.ValidationReport",
            "dev.tenancy.core.model.DomainMixin",
            "dev.tenancy.core.model.TenantMixin",
            "dev.tenancy.core.provisioning.AdoptionOptions",
            "dev.tenancy.core.provisioning.ProvisioningTransactions",
            "dev.tenancy.core.provisioning.TenantInfo",
            "dev.tenancy.core.provisioning.TenantListener",
            "dev.tenancy.core.provisioning.TenantProvisioner",
            "dev.tenancy.core.provisioning.TenantRequest",
            "dev.tenancy.core.roles.TenantRoles",
            "dev.tenancy.core.seed.TenantSeeding");

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^(\\s*)public (?:static |final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) "
                    + "(\\w+)");

    private static final List<Declaration> DECLARATIONS = new ArrayList<>();

    private record Declaration(String type, boolean topLevel, boolean documented) {
    }

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                    .forEach(PublicApiTest::read);
        }
    }

    private static void read(Path file) {
        try {
            String source = Files.readString(file);
            Matcher packageLine = PACKAGE.matcher(source);
            String pkg = packageLine.find() ? packageLine.group(1) : "";
            String[] lines = source.split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher declaration = PUBLIC_TYPE.matcher(lines[i]);
                if (declaration.find()) {
                    int previous = i - 1;
                    while (previous >= 0 && lines[previous].strip().startsWith("@")) {
                        previous--;
                    }
                    boolean documented = previous >= 0 && lines[previous].strip().endsWith("*/");
                    DECLARATIONS.add(new Declaration(pkg + "." + declaration.group(2),
                            declaration.group(1).isEmpty(), documented));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thePublicTopLevelTypesAreExactlyTheDeliberateList() {
        TreeSet<String> found = new TreeSet<>();
        DECLARATIONS.stream().filter(Declaration::topLevel).map(Declaration::type).forEach(found::add);
        assertThat(found).as("public top-level types of tenancy-core (make new ones package-private, or nest a value "
                + "type in the type it belongs to)").containsExactlyElementsOf(new TreeSet<>(PUBLIC_TYPES));
    }

    @Test
    void everyPublicTypeSaysWhatItPromisesInJavadoc() {
        assertThat(DECLARATIONS).as("public types were found").isNotEmpty();
        assertThat(DECLARATIONS).filteredOn(declaration -> !declaration.documented())
                .extracting(Declaration::type).as("public types without Javadoc").isEmpty();
    }
}
