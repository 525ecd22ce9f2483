package dev.tenancy.boot.cli;

import dev.tenancy.core.directory.TenantTables;

import java.io.PrintStream;
import java.util.List;

import javax.sql.DataSource;

/** {@code list-tenants}: prints every tenant's schema, status and domains (primary first). */
public final class ListTenantsCommand implements TenancyCommand {

    private final TenantRows tenants;

    /** A command reading the tenant tables through {@code dataSource}. */
    public ListTenantsCommand(DataSource dataSource, TenantTables tables) {
        this.tenants = new TenantRows(dataSource, tables);
    }

    @Override
    public String name() {
        return "list-tenants";
    }

    @Override
    public String description() {
        return "Lists every tenant with its schema, status and domains (primary first).";
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) throws Exception {
        List<TenantRows.TenantRow> rows = tenants.all();
        out.printf("%-30s %-13s %s%n", "SCHEMA", "STATUS", "DOMAINS");
        for (TenantRows.TenantRow row : rows) {
            out.printf("%-30s %-13s %s%n", row.schema(), row.status(), String.join(", ", row.domains()));
        }
        out.println(rows.size() + (rows.size() == 1 ? " tenant." : " tenants."));
        return SUCCESS;
    }
}
