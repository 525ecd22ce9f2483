package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Commands run in the public schema from the command line, and inside a tenant only through {@code run}. */
class CommandDispatcherContextTest {

    private static final SchemaName ACME = SchemaName.of("tenant_acme");

    /** Prints the tenant it runs in, or "public". */
    private static final TenancyCommand WHERE = new TenancyCommand() {
        @Override
        public String name() {
            return "where";
        }

        @Override
        public String description() {
            return "Prints the tenant the command runs in.";
        }

        @Override
        public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
            SchemaName tenant = Tenants.currentOrNull();
            out.print(tenant == null ? "public" : tenant.value());
            return SUCCESS;
        }
    };

    private final CommandDispatcher dispatcher = new CommandDispatcher(List.of(WHERE));

    @Test
    void aCommandLineRunsInThePublicSchemaEvenWhenCalledFromInsideATenant() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        int exit = Tenants.call(ACME, () -> dispatcher.execute(List.of("where"), out, out));

        assertThat(exit).isEqualTo(TenancyCommand.SUCCESS);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("public");
    }

    @Test
    void runKeepsTheCallersTenantForCommandsRunPerTenant() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CommandArguments none = dispatcher.parse(WHERE, List.of());

        int exit = Tenants.call(ACME, () -> dispatcher.run(WHERE, none, out, out));

        assertThat(exit).isEqualTo(TenancyCommand.SUCCESS);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("tenant_acme");
    }
}
