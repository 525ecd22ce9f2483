package dev.tenancy.boot.cli;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An option a {@link TenancyCommand} accepts: {@code --name=VALUE}, or a flag {@code --name}. Build one with
 * {@link #required}, {@link #optional} or {@link #flag}.
 *
 * @param name the option's name without dashes, lower-case words joined by hyphens
 * @param valueName what the value is, for the usage line (e.g. {@code HOST}); {@code null} for a flag
 * @param required whether the command refuses to run without it
 * @param description one line saying what it does
 */
public record CommandOption(String name, String valueName, boolean required, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Checks the name and description are given and the name is well-formed. */
    public CommandOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches() || name.equals("help")) {
            throw new IllegalArgumentException("Option name '" + name + "' must be lower-case words joined by "
                    + "hyphens, and not 'help'.");
        }
        if (required && valueName == null) {
            throw new IllegalArgumentException("The flag --" + name + " cannot be required.");
        }
    }

    /** An option the command needs, given as {@code --name=VALUE}. */
    public static CommandOption required(String name, String valueName, String description) {
        return new CommandOption(name, Objects.requireNonNull(valueName, "valueName"), true, description);
    }

    /** An option the command may be given, as {@code --name=VALUE}. */
    public static CommandOption optional(String name, String valueName, String description) {
        return new CommandOption(name, Objects.requireNonNull(valueName, "valueName"), false, description);
    }

    /** A flag, {@code --name}, that is either given or not. */
    public static CommandOption flag(String name, String description) {
        return new CommandOption(name, null, false, description);
    }

    /** Whether this is a flag (takes no value). */
    public boolean isFlag() {
        return valueName == null;
    }

    /** How the option is written, e.g. {@code --domain=HOST} or {@code --primary}. */
    public String syntax() {
        return isFlag() ? "--" + name : "--" + name + "=" + valueName;
    }
}
