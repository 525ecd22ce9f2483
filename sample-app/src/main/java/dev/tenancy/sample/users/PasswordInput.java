package dev.tenancy.sample.users;

import dev.tenancy.boot.cli.CommandArguments;
import dev.tenancy.boot.cli.CommandUsageException;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Where a command gets a password: from its option (with a warning, since command lines end up in the shell's history
 * and in other users' process lists), or else typed at a prompt without echo, or else the first line of standard
 * input ({@code printenv ADMIN_PASSWORD | java -jar ...}).
 */
public final class PasswordInput {

    private PasswordInput() {
    }

    /**
     * The password given as {@code --option}, or read from the terminal or standard input.
     *
     * @throws CommandUsageException when none was given
     */
    public static String read(CommandArguments arguments, String option, PrintStream err) throws IOException {
        if (arguments.optionalValue(option).isPresent()) {
            err.println("Warning: a password given as --" + option + " stays in your shell history and is visible "
                    + "to other users of this machine while the command runs. Leave the option out to type it, or "
                    + "pipe it in on standard input.");
            return arguments.value(option);
        }
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("Password for --%s: ", option);
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
        }
        if (password == null || password.isBlank()) {
            throw new CommandUsageException("No password given: type it when asked, pipe it in on standard input, "
                    + "or give --" + option + "=PASSWORD.");
        }
        return password;
    }
}
