package dev.tenancy.core.migration;

import dev.tenancy.core.TenancyException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One set of migrations (shared or tenant), scanned once per run and handed to every schema's Flyway as its
 * {@link ResourceProvider} and {@link ClassProvider}, so Flyway does not scan the locations again for each schema.
 * Script contents are read once and kept in memory for the run.
 *
 * <p>The scan itself is Flyway's own {@code Scanner} (the one Flyway builds for every operation when no provider is
 * configured), whose constructor is the same in Flyway 12 and 13; using it keeps every location type and packaging
 * (directories, jars, Spring Boot's nested jars) working exactly as in plain Flyway.
 *
 * <p>The {@linkplain #fingerprint() fingerprint} is a SHA-256 over everything that decides what Flyway would apply:
 * each script's path and content, each Java migration's class, version and checksum, and the settings that change
 * what is pending (target, out-of-order, baseline, placeholders, naming, validation) plus the Flyway version.
 */
final class MigrationSet implements ResourceProvider, ClassProvider<JavaMigration> {

    private final Scanner<JavaMigration> scanner;
    private final Collection<Class<? extends JavaMigration>> classes;
    private final Map<String, LoadableResource> contents = new ConcurrentHashMap<>();
    private final String fingerprint;

    private MigrationSet(Configuration configuration) {
        this.scanner = newScanner(configuration);
        this.classes = List.copyOf(scanner.getClasses());
        this.fingerprint = fingerprint(configuration);
    }

    /** Scans the locations of {@code configuration}. */
    static MigrationSet scan(Configuration configuration) {
        return new MigrationSet(configuration);
    }

    private static Scanner<JavaMigration> newScanner(Configuration configuration) {
        try {
            return new Scanner<>(JavaMigration.class, configuration, configuration.getLocations());
        } catch (LinkageError e) {
            throw new TenancyException("This Flyway version (" + flywayVersion() + ") is not supported: its "
                    + "migration scanner changed. Use Flyway 12.4 to 13.x.", e);
        }
    }

    /** A hex SHA-256 that changes whenever what Flyway would apply to a schema changes. */
    String fingerprint() {
        return fingerprint;
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource resource = scanner.getResource(name);
        return resource == null ? null : cached(resource);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scanner.getResources(prefix, suffixes).stream().map(this::cached).toList();
    }

    @Override
    public Collection<Class<? extends JavaMigration>> getClasses() {
        return classes;
    }

    private LoadableResource cached(LoadableResource resource) {
        return contents.computeIfAbsent(resource.getAbsolutePath(), path -> new CachedResource(resource));
    }

    private String fingerprint(Configuration configuration) {
        MessageDigest digest = sha256();
        Map<String, String> settings = new TreeMap<>();
        settings.put("flyway", flywayVersion());
        settings.put("table", configuration.getTable());
        settings.put("target", String.valueOf(configuration.getTarget()));
        settings.put("outOfOrder", String.valueOf(configuration.isOutOfOrder()));
        settings.put("baselineVersion", String.valueOf(configuration.getBaselineVersion()));
        settings.put("baselineOnMigrate", String.valueOf(configuration.isBaselineOnMigrate()));
        settings.put("skipExecutingMigrations", String.valueOf(configuration.isSkipExecutingMigrations()));
        settings.put("placeholderReplacement", String.valueOf(configuration.isPlaceholderReplacement()));
        settings.put("placeholders", new TreeMap<>(configuration.getPlaceholders()).toString());
        settings.put("naming", configuration.getSqlMigrationPrefix() + configuration.getRepeatableSqlMigrationPrefix()
                + configuration.getSqlMigrationSeparator() + Arrays.toString(configuration.getSqlMigrationSuffixes()));
        settings.put("validateOnMigrate", String.valueOf(configuration.isValidateOnMigrate()));
        settings.put("ignoreMigrationPatterns", Arrays.toString(configuration.getIgnoreMigrationPatterns()));
        settings.forEach((key, value) -> update(digest, "setting", key, value));
        scanner.getResources("", new String[] {""}).stream()
                .filter(resource -> !resource.getFilename().endsWith(".class"))
                .sorted(Comparator.comparing(LoadableResource::getRelativePath))
                .forEach(resource -> update(digest, "script", resource.getRelativePath(), content(resource)));
        classes.stream().sorted(Comparator.comparing(Class::getName))
                .forEach(type -> update(digest, "class", type.getName(), describe(instantiate(type))));
        Arrays.stream(configuration.getJavaMigrations())
                .sorted(Comparator.comparing(migration -> migration.getClass().getName()))
                .forEach(migration -> update(digest, "bean", migration.getClass().getName(), describe(migration)));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A script's text; a file that is not text (in a location by accident) counts by its name only. */
    private String content(LoadableResource resource) {
        try {
            return ((CachedResource) cached(resource)).content();
        } catch (UncheckedIOException e) {
            return "unreadable";
        }
    }

    private static JavaMigration instantiate(Class<? extends JavaMigration> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(JavaMigration migration) {
        return migration == null ? "" : migration.getVersion() + "|" + migration.getDescription() + "|"
                + migration.getChecksum();
    }

    private static void update(MessageDigest digest, String... parts) {
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** The version of the Flyway on the class path, from the file Flyway itself reads it from. */
    static String flywayVersion() {
        try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A script read at most once per run; Flyway reads it again from memory for each schema. */
    private static final class CachedResource extends LoadableResource {

        private final LoadableResource source;
        private volatile String content;

        CachedResource(LoadableResource source) {
            this.source = source;
        }

        String content() {
            String text = content;
            if (text == null) {
                try (Reader reader = source.read()) {
                    StringWriter writer = new StringWriter();
                    reader.transferTo(writer);
                    text = writer.toString();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read migration " + source.getAbsolutePath(), e);
                }
                content = text;
            }
            return text;
        }

        @Override
        public Reader read() {
            return new StringReader(content());
        }

        @Override
        public String getAbsolutePath() {
            return source.getAbsolutePath();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return source.getAbsolutePathOnDisk();
        }

        @Override
        public String getFilename() {
            return source.getFilename();
        }

        @Override
        public String getRelativePath() {
            return source.getRelativePath();
        }
    }
}
