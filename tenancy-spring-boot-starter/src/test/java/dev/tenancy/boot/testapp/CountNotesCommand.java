package dev.tenancy.boot.testapp;

import dev.tenancy.boot.cli.CommandArguments;
import dev.tenancy.boot.cli.CommandOption;
import dev.tenancy.boot.cli.TenancyCommand;
import dev.tenancy.core.Tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/** An application-defined command: counts the current tenant's notes (fails outside a tenant). */
@Component
class CountNotesCommand implements TenancyCommand {

    private final JdbcTemplate jdbc;

    CountNotesCommand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "count-notes";
    }

    @Override
    public String description() {
        return "Prints how many notes the current tenant has.";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.optional("containing", "TEXT", "count only notes containing TEXT"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        String schema = Tenants.require().value();
        Integer count = jdbc.queryForObject("SELECT count(*) FROM notes WHERE body LIKE ?", Integer.class,
                "%" + arguments.optionalValue("containing").orElse("") + "%");
        out.println(schema + ": " + count + " notes");
        return SUCCESS;
    }
}
