package dev.tenancy.sample.tenants;

import dev.tenancy.boot.cli.CommandArguments;
import dev.tenancy.boot.cli.CommandOption;
import dev.tenancy.boot.cli.CommandUsageException;
import dev.tenancy.boot.cli.TenancyCommand;
import dev.tenancy.sample.users.PasswordInput;
import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code register-tenant --name=NAME --subdomain=LABEL --admin-email=EMAIL [--admin-password=PASSWORD]
 * [--plan=PLAN]}: creates a tenant with its schema, its domain and its super admin, all or nothing, like
 * {@code POST /api/admin/tenants/}.
 */
@Component
class RegisterTenantCommand implements TenancyCommand {

    private final TenantRegistration registration;

    RegisterTenantCommand(TenantRegistration registration) {
        this.registration = registration;
    }

    @Override
    public String name() {
        return "register-tenant";
    }

    @Override
    public String description() {
        return "Creates a tenant: its schema tenant_<subdomain>, its domain and its super admin.";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                CommandOption.required("name", "NAME", "the company name"),
                CommandOption.required("subdomain", "LABEL", "the tenant's sub-domain, e.g. acme"),
                CommandOption.required("admin-email", "EMAIL", "the tenant super admin's e-mail (and user name)"),
                CommandOption.optional("admin-password", "PASSWORD", "their password; leave out to type or pipe it"),
                CommandOption.optional("plan", "PLAN", "basic (default), professional or enterprise"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) throws Exception {
        String password = PasswordInput.read(arguments, "admin-password", err);
        TenantApplication application = new TenantApplication(arguments.value("name"), arguments.value("subdomain"),
                arguments.value("admin-email"), password, arguments.optionalValue("plan").orElse(null));
        RegisteredTenant tenant;
        try {
            tenant = registration.register(application, "cli");
        } catch (RequestRefusedException e) {
            if (e.reason() == RequestRefusedException.Reason.INVALID) {
                throw new CommandUsageException(e.getMessage());
            }
            throw e;
        }
        out.println("Tenant created successfully!");
        out.println("Schema: " + tenant.schemaName());
        out.println("Domain: " + tenant.domain());
        out.println("Admin: " + tenant.adminUsername());
        return SUCCESS;
    }
}
