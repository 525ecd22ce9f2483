package dev.tenancy.boot.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Finds the command in the application's arguments: the first argument that is not an {@code --option} (Spring's
 * own rule for non-option arguments), or the argument right after a lone {@code --}. The options before it are
 * Spring Boot's; the command gets everything from its name on.
 */
final class CommandLines {

    private CommandLines() {
    }

    /** The command's name and its arguments; empty when the application was started without a command. */
    static List<String> commandLine(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return i + 1 < args.length ? Arrays.asList(args).subList(i + 1, args.length) : List.of();
            }
            if (!args[i].startsWith("--")) {
                return Arrays.asList(args).subList(i, args.length);
            }
        }
        return List.of();
    }
}
