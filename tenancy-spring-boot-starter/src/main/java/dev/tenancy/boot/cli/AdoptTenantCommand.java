package dev.tenancy.boot.cli;

import dev.tenancy.core.provisioning.AdoptionOptions.AdoptionPlan;
import dev.tenancy.core.provisioning.AdoptionOptions;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@code adopt-tenant (--subdomain=LABEL | --schema=NAME) [--domain=HOST ...] [--set=COLUMN=VALUE ...]
 * [--from-schema=NAME] [--table=NAME ...] [--at-version=VERSION] [--plan]}: turns the application's existing tables
 * into a new tenant's ({@link TenantProvisioner#adopt}), all or nothing; {@code --plan} prints what would move and
 * changes nothing. A refused plan exits with 1 and its reasons.
 */
public final class AdoptTenantCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;
    private final Collection<String> reservedSchemas;

    /** A command adopting tables through {@code provisioner}; {@code reservedSchemas} no tenant may take. */
    public AdoptTenantCommand(TenantProvisioner provisioner, Collection<String> reservedSchemas) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.reservedSchemas = List.copyOf(reservedSchemas);
    }

    @Override
    public String name() {
        return "adopt-tenant";
    }

    @Override
    public String description() {
        return "Moves the application's existing tenant tables (data included) into a new tenant, all or nothing.";
    }

    @Override
    public List<CommandOption> options() {
        List<CommandOption> options = new ArrayList<>(TenantRequestOptions.options());
        options.add(CommandOption.optional("from-schema", "NAME", "where the tables are now (default public)"));
        options.add(CommandOption.repeatable("table", "NAME", "move only these tables, views and sequences (default: "
                + "those the tenant migrations create)"));
        options.add(CommandOption.optional("at-version", "VERSION", "the tenant migration version the tables are at "
                + "(default the latest); later migrations apply with migrate-schemas"));
        options.add(CommandOption.flag("plan", "print what would move and stay, change nothing"));
        return options;
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        TenantRequest request = TenantRequestOptions.request(arguments, reservedSchemas);
        AdoptionOptions options = AdoptionOptions.fromSchema(arguments.optionalValue("from-schema").orElse("public"))
                .tables(arguments.values("table").toArray(String[]::new));
        arguments.optionalValue("at-version").ifPresent(options::atVersion);
        if (arguments.has("plan")) {
            AdoptionPlan plan = ProvisionerCalls.call(() -> provisioner.planAdoption(request, options));
            out.println(plan.describe());
            return plan.feasible() ? SUCCESS : FAILURE;
        }
        TenantInfo tenant = ProvisionerCalls.call(() -> provisioner.adopt(request, options));
        out.println("Adopted " + options.source() + "'s tenant tables as tenant "
                + TenantRequestOptions.describe(tenant) + ".");
        return SUCCESS;
    }
}
