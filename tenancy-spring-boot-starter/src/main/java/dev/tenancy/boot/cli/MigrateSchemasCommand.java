package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.MigrationPlan;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.core.migration.MigrationReport;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.migration.ValidationReport;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code migrate-schemas [--shared | --tenant | --schema=NAME] [--parallel=N] [--plan | --validate]}: django-tenants'
 * {@code migrate_schemas}. Without a scope it migrates the shared schema, then every tenant schema that is behind;
 * {@code --plan} prints what that would apply and changes nothing; {@code --validate} checks every schema's history
 * against the migrations. Progress is shown while tenants migrate, then a summary; the exit code is non-zero when any
 * schema failed (each failed schema keeps its last good version, the others are migrated regardless).
 *
 * <p>Each run builds its migrator from a fresh {@link TenantMigrator.Builder} (the application's settings), adding
 * the progress printer and {@code --parallel}.
 */
public final class MigrateSchemasCommand implements TenancyCommand {

    private final Supplier<TenantMigrator.Builder> migrators;
    private final Collection<String> reservedSchemas;

    /**
     * A command migrating with migrators built from {@code migrators}.
     *
     * @param migrators gives a new builder, configured as the application's migrator, for each run
     * @param reservedSchemas names no tenant schema may take
     */
    public MigrateSchemasCommand(Supplier<TenantMigrator.Builder> migrators, Collection<String> reservedSchemas) {
        this.migrators = Objects.requireNonNull(migrators, "migrators");
        this.reservedSchemas = List.copyOf(reservedSchemas);
    }

    @Override
    public String name() {
        return "migrate-schemas";
    }

    @Override
    public String description() {
        return "Migrates the shared schema, then every tenant schema (or only --shared, --tenant, --schema).";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                CommandOption.flag("shared", "migrate only the shared schema"),
                CommandOption.flag("tenant", "migrate only the tenant schemas"),
                CommandOption.optional("schema", "NAME", "migrate only this tenant's schema"),
                CommandOption.optional("parallel", "N", "migrate at most N schemas at once"),
                CommandOption.flag("plan", "print what would be migrated, and change nothing"),
                CommandOption.flag("validate", "check every schema's applied migrations against the scripts"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        long scopes = Stream.of("shared", "tenant", "schema").filter(arguments::has).count();
        boolean plan = arguments.has("plan");
        boolean validate = arguments.has("validate");
        if (scopes > 1) {
            throw new CommandUsageException("Give at most one of --shared, --tenant and --schema=NAME.");
        }
        if (plan && validate) {
            throw new CommandUsageException("Give --plan or --validate, not both.");
        }
        if ((plan || validate) && scopes > 0) {
            throw new CommandUsageException("--plan and --validate cover the shared schema and every tenant schema; "
                    + "leave out --shared, --tenant and --schema.");
        }
        Optional<SchemaName> schema = arguments.has("schema") ? Optional.of(arguments.schema("schema",
                reservedSchemas)) : Optional.empty();
        ProgressPrinter progress = ProgressPrinter.to(out);
        TenantMigrator.Builder builder = migrators.get().listener(progress);
        parallelism(arguments).ifPresent(builder::parallelism);
        TenantMigrator migrator = builder.build();
        if (plan) {
            MigrationPlan migrationPlan = migrator.plan();
            progress.finish();
            out.println(migrationPlan.summary());
            out.println(migrationPlan.isUpToDate() ? "Nothing to migrate." : "Nothing was changed (--plan).");
            return SUCCESS;
        }
        if (validate) {
            ValidationReport report = migrator.validate();
            progress.finish();
            out.println(report.summary());
            return report.isValid() ? SUCCESS : FAILURE;
        }
        MigrationReport report;
        if (arguments.has("shared")) {
            out.println("Migrating the shared schema...");
            report = migrator.migrateShared();
        } else if (arguments.has("tenant")) {
            out.println("Migrating the tenant schemas...");
            report = migrator.migrateTenants();
        } else if (schema.isPresent()) {
            out.println("Migrating " + schema.get() + "...");
            report = migrator.migrateSchema(schema.get());
        } else {
            out.println("Migrating the shared schema, then the tenant schemas...");
            report = migrator.migrateAll();
        }
        progress.finish();
        out.println(report.summary());
        if (!report.successful()) {
            err.println("Some schemas were not migrated; each keeps its last good version. Fix the cause and run "
                    + "migrate-schemas again: it carries on where it stopped.");
            if (report.count(SchemaResult.Outcome.SCHEMA_MISSING) > 0) {
                err.println("A missing tenant schema is rebuilt by create-missing-schemas (for tenants with "
                        + "auto_create_schema), or restored from a backup.");
            }
            return FAILURE;
        }
        return SUCCESS;
    }

    private static Optional<Integer> parallelism(CommandArguments arguments) {
        Optional<String> given = arguments.optionalValue("parallel");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        int parallelism;
        try {
            parallelism = Integer.parseInt(given.get());
        } catch (NumberFormatException e) {
            parallelism = 0;
        }
        if (parallelism < 1) {
            throw new CommandUsageException("--parallel needs a whole number of at least 1, e.g. --parallel=4; got '"
                    + given.get() + "'.");
        }
        return Optional.of(parallelism);
    }
}
