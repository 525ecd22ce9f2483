package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.seed.TenantSeeding.SeedScript;
import dev.tenancy.core.seed.TenantSeeding;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@code seed-tenant --schema=NAME}: loads the tenant seed ({@code tenancy.seed.locations}, then the application's
 * {@code TenantSeeder} beans) into an existing tenant.
 */
public final class SeedTenantCommand implements TenancyCommand {

    private final TenantSeeding seeding;
    private final Collection<String> reservedSchemas;

    /** A command seeding tenants with {@code seeding}; {@code reservedSchemas} are never tenants. */
    public SeedTenantCommand(TenantSeeding seeding, Collection<String> reservedSchemas) {
        this.seeding = Objects.requireNonNull(seeding, "seeding");
        this.reservedSchemas = List.copyOf(reservedSchemas);
    }

    @Override
    public String name() {
        return "seed-tenant";
    }

    @Override
    public String description() {
        return "Loads the tenant seed (tenancy.seed.locations and TenantSeeder beans) into an existing tenant.";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("schema", "NAME", "the tenant's schema"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        SchemaName schema = arguments.schema("schema", reservedSchemas);
        if (seeding.scripts().isEmpty() && seeding.seederCount() == 0) {
            err.println("There is nothing to seed: set tenancy.seed.locations or declare a TenantSeeder bean.");
            return FAILURE;
        }
        seeding.seed(schema);
        out.println("Seeded " + schema + ": " + seeding.scripts().size() + " script(s) ("
                + String.join(", ", seeding.scripts().stream().map(SeedScript::name).toList()) + "), "
                + seeding.seederCount() + " seeder(s).");
        return SUCCESS;
    }
}
