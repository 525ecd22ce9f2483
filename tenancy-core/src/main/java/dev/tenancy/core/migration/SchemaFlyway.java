package dev.tenancy.core.migration;

import dev.tenancy.core.SqlIdentifiers;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.migration.MigrationPlan.PendingMigration;
import dev.tenancy.core.migration.MigrationPlan.PlannedSchema;
import dev.tenancy.core.migration.MigrationReport.AppliedMigration;
import dev.tenancy.core.migration.MigrationReport.SchemaResult.Outcome;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.core.migration.ValidationReport.Problem;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs Flyway on one schema at a time with one scanned {@link MigrationSet}: migrate, info and validate. Each call
 * builds a short-lived Flyway for its schema; nothing per schema outlives the call.
 *
 * <p>Flyway is told to use its session-level lock, so each schema needs exactly one connection at a time.
 */
final class SchemaFlyway {

    private final FlywaySettings settings;
    private final String[] locations;
    private final Listeners listeners;
    private final MigrationSet migrations;

    private SchemaFlyway(FlywaySettings settings, List<String> locations, Listeners listeners) {
        this.settings = settings;
        this.locations = locations.toArray(String[]::new);
        this.listeners = listeners;
        this.migrations = MigrationSet.scan(base());
    }

    /** Scans {@code locations} once for the run that uses the returned instance. */
    static SchemaFlyway scan(FlywaySettings settings, List<String> locations, Listeners listeners) {
        return new SchemaFlyway(settings, locations, listeners);
    }

    /** The fingerprint of the scanned migrations and settings. */
    String fingerprint() {
        return migrations.fingerprint();
    }

    /**
     * Applies the pending migrations to {@code target}, creating the schema first when {@code createSchema} is set,
     * and tells the listeners. Never throws for a failed migration: the result carries the error.
     */
    SchemaResult migrate(MigrationTarget target, boolean createSchema) {
        listeners.beforeSchema(target);
        long start = System.nanoTime();
        Recorder recorder = new Recorder(target, listeners);
        SchemaResult result;
        try {
            MigrateResult outcome = target.bind(() -> configure(target, recorder).createSchemas(createSchema)
                    .load().migrate());
            String after = outcome.targetSchemaVersion != null ? outcome.targetSchemaVersion
                    : outcome.initialSchemaVersion;
            result = new SchemaResult(target, recorder.applied.isEmpty() ? Outcome.UP_TO_DATE : Outcome.MIGRATED,
                    outcome.initialSchemaVersion, after, recorder.applied, since(start), null);
        } catch (RuntimeException e) {
            int versioned = (int) recorder.applied.stream().filter(m -> m.version() != null).count();
            List<String> recent = recentVersions(target, versioned + 1);
            String after = recent.isEmpty() ? null : recent.get(0);
            String before = recent.size() > versioned ? recent.get(versioned) : null;
            String what = recorder.failed == null ? "" : "migration " + recorder.failed + " failed: ";
            result = new SchemaResult(target, Outcome.FAILED, before, after, recorder.applied, since(start),
                    new TenancyException("Schema " + target + ": " + what + describe(e), e));
        }
        listeners.afterSchema(result);
        return result;
    }

    /** What a migration of {@code target} would apply now, read from its history table. */
    PlannedSchema plan(MigrationTarget target) {
        MigrationInfoService info = target.bind(() -> configure(target, null).load().info());
        MigrationInfo current = info.current();
        String version = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
        List<PendingMigration> pending = Arrays.stream(info.pending())
                .map(m -> new PendingMigration(m.getVersion() == null ? null : m.getVersion().getVersion(),
                        m.getDescription()))
                .toList();
        return new PlannedSchema(target, version, pending, false);
    }

    /** Checks {@code target}'s history table against the scanned migrations; pending ones are not problems. */
    List<Problem> validate(MigrationTarget target) {
        ValidateResult result;
        try {
            result = target.bind(() -> configure(target, null).ignoreMigrationPatterns("*:pending", "*:future")
                    .load().validateWithResult());
        } catch (RuntimeException e) {
            return List.of(new Problem(target.schema(), null, "Schema " + target + ": could not be validated: "
                    + describe(e)));
        }
        if (result.validationSuccessful) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (ValidateOutput invalid : result.invalidMigrations) {
            String version = invalid.version == null || invalid.version.isEmpty() ? null : invalid.version;
            problems.add(new Problem(target.schema(), version, "Schema " + target + ", migration "
                    + (version == null ? "" : version + " - ") + invalid.description + ": "
                    + collapse(invalid.errorDetails.errorMessage)));
        }
        if (problems.isEmpty()) {
            problems.add(new Problem(target.schema(), null, "Schema " + target + ": "
                    + collapse(result.errorDetails == null ? result.getAllErrorMessages()
                    : result.errorDetails.errorMessage)));
        }
        return problems;
    }

    private FluentConfiguration base() {
        FluentConfiguration configuration = Flyway.configure(settings.classLoader()).dataSource(settings.dataSource());
        settings.customizer().accept(configuration);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration.locations(locations).table(settings.historyTable());
    }

    private FluentConfiguration configure(MigrationTarget target, Recorder recorder) {
        FluentConfiguration configuration = base()
                .schemas(target.schema())
                .defaultSchema(target.schema())
                .createSchemas(false)
                .resourceProvider(migrations)
                .javaMigrationClassProvider(migrations);
        if (recorder != null) {
            configuration.callbacks(Stream.concat(Arrays.stream(configuration.getCallbacks()), Stream.of(recorder))
                    .toArray(Callback[]::new));
        }
        return configuration;
    }

    /** The latest successfully applied versions of {@code target}, newest first; empty when unreadable. */
    private List<String> recentVersions(MigrationTarget target, int limit) {
        String sql = "SELECT version FROM " + SqlIdentifiers.quote(target.schema(), "schema") + "."
                + SqlIdentifiers.quote(settings.historyTable(), "history table")
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT ?";
        List<String> versions = new ArrayList<>();
        try (Connection connection = settings.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return versions;
    }

    /**
     * The most telling part of a Flyway failure: the database's own error when there is one, else the root cause
     * (e.g. what a Java migration threw), else Flyway's message.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return collapse(sql.getMessage()) + " (SQL state " + sql.getSQLState() + ")";
            }
            root = cause;
        }
        return collapse(root.getMessage());
    }

    private static String collapse(String message) {
        if (message == null) {
            return "no message";
        }
        return message.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Need more flexibility"))
                .reduce((a, b) -> a + " " + b).orElse("no message");
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Collects what Flyway applies to one schema and passes it on as listener messages. */
    private static final class Recorder implements Callback {

        private final MigrationTarget target;
        private final Listeners listeners;
        private final List<AppliedMigration> applied = new ArrayList<>();
        private String failed;
        private long started;

        Recorder(MigrationTarget target, Listeners listeners) {
            this.target = target;
            this.listeners = listeners;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo migration = context.getMigrationInfo();
            String version = migration.getVersion() == null ? null : migration.getVersion().getVersion();
            String name = (version == null ? "repeatable" : version) + " - " + migration.getDescription();
            if (event == Event.BEFORE_EACH_MIGRATE) {
                started = System.nanoTime();
                listeners.message(target, "Migrating to " + name);
            } else if (event == Event.AFTER_EACH_MIGRATE) {
                Duration took = since(started);
                applied.add(new AppliedMigration(version, migration.getDescription(), took));
                listeners.message(target, "Applied " + name + " in " + took.toMillis() + " ms");
            } else {
                failed = name;
                listeners.message(target, "Migration " + name + " failed");
            }
        }

        @Override
        public String getCallbackName() {
            return "tenancy-migration-recorder";
        }
    }
}
