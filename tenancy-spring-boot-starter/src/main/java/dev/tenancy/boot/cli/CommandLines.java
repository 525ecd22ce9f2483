package dev.tenancy.boot.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Finds the command in the application's arguments: the first argument that is not an {@code --option} (Spring's
 * own rule for non-option arguments), or the argument right after a lone {@code --}. The options before it are
 * Spring Boot's; the command gets everything from its name on, except {@value #VERBOSE}, which any command accepts
 * (it lets the application log as usual while the command runs).
 */
final class CommandLines {

    /** The option that lets a command's application log as usual. */
    static final String VERBOSE = "--verbose";

    private CommandLines() {
    }

    /** The command's name and its arguments; empty when the application was started without a command. */
    static List<String> commandLine(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return withoutVerbose(Arrays.asList(args).subList(i + 1, args.length));
            }
            if (!args[i].startsWith("--")) {
                return withoutVerbose(Arrays.asList(args).subList(i, args.length));
            }
        }
        return List.of();
    }

    private static List<String> withoutVerbose(List<String> commandLine) {
        return commandLine.stream().filter(argument -> !argument.equals(VERBOSE)).toList();
    }
}
