package dev.tenancy.sample.users;

import dev.tenancy.boot.cli.CommandArguments;
import dev.tenancy.boot.cli.CommandOption;
import dev.tenancy.boot.cli.CommandUsageException;
import dev.tenancy.boot.cli.TenancyCommand;
import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code create-super-super-admin --email=EMAIL [--password=PASSWORD] [--username=NAME]}: creates a platform
 * administrator in the public schema. An existing user name is reported and left unchanged, as in the requirements.
 */
@Component
class CreateSuperSuperAdminCommand implements TenancyCommand {

    private final UserAccounts accounts;

    CreateSuperSuperAdminCommand(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "create-super-super-admin";
    }

    @Override
    public String description() {
        return "Creates a super super admin (a platform administrator who creates and manages tenants).";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                CommandOption.required("email", "EMAIL", "their e-mail address"),
                CommandOption.optional("password", "PASSWORD", "their password; leave out to type or pipe it in"),
                CommandOption.optional("username", "NAME", "their user name (default: superadmin)"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) throws Exception {
        String username = arguments.optionalValue("username").orElse("superadmin");
        String email = arguments.value("email");
        String password = PasswordInput.read(arguments, "password", err);
        try {
            new NewUser(username, email, password, null, null).validated();
        } catch (RequestRefusedException e) {
            throw new CommandUsageException(e.getMessage());
        }
        if (!accounts.createSuperSuperAdmin(username, email, password)) {
            out.println("Warning: user " + username + " already exists; nothing was changed.");
            return SUCCESS;
        }
        out.println("Super super admin created: " + username);
        return SUCCESS;
    }
}
