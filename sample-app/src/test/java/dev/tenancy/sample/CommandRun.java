package dev.tenancy.sample;

import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.core.Tenants;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a command did: its exit code and what it printed. */
record CommandRun(int exit, String out, String err) {

    /** Runs {@code commandLine} (the command's name, then its arguments) as the application does: in public. */
    static CommandRun of(CommandDispatcher commands, String... commandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Tenants.callInPublic(() -> commands.execute(List.of(commandLine),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
