package dev.tenancy.boot.cli;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An option a {@link TenancyCommand} accepts: {@code --name=VALUE} (or {@code --name VALUE}), or a flag
 * {@code --name}. Build one with {@link #required}, {@link #optional}, {@link #repeatable} or {@link #flag}.
 *
 * @param name the option's name without dashes, lower-case words joined by hyphens
 * @param valueName what the value is, for the usage line (e.g. {@code HOST}); {@code null} for a flag
 * @param required whether the command refuses to run without it
 * @param repeatable whether it may be given more than once ({@link CommandArguments#values} reads every value)
 * @param description one line saying what it does
 */
public record CommandOption(String name, String valueName, boolean required, boolean repeatable,
                            String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Checks the name and description are given and the name is well-formed. */
    public CommandOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches() || name.equals("help")) {
            throw new IllegalArgumentException("Option name '" + name + "' must be lower-case words joined by "
                    + "hyphens, and not 'help'.");
        }
        if (valueName == null && (required || repeatable)) {
            throw new IllegalArgumentException("The flag --" + name + " cannot be required or repeatable.");
        }
    }

    /** An option that may be given once at most. */
    public CommandOption(String name, String valueName, boolean required, String description) {
        this(name, valueName, required, false, description);
    }

    /** An option the command needs, given as {@code --name=VALUE}. */
    public static CommandOption required(String name, String valueName, String description) {
        return new CommandOption(name, Objects.requireNonNull(valueName, "valueName"), true, description);
    }

    /** An option the command may be given, as {@code --name=VALUE}. */
    public static CommandOption optional(String name, String valueName, String description) {
        return new CommandOption(name, Objects.requireNonNull(valueName, "valueName"), false, description);
    }

    /** An option the command may be given any number of times, as {@code --name=VALUE --name=VALUE ...}. */
    public static CommandOption repeatable(String name, String valueName, String description) {
        return new CommandOption(name, Objects.requireNonNull(valueName, "valueName"), false, true, description);
    }

    /** A flag, {@code --name}, that is either given or not. */
    public static CommandOption flag(String name, String description) {
        return new CommandOption(name, null, false, description);
    }

    /** Whether this is a flag (takes no value). */
    public boolean isFlag() {
        return valueName == null;
    }

    /** How the option is written, e.g. {@code --domain=HOST}, {@code --set=COLUMN=VALUE ...} or {@code --primary}. */
    public String syntax() {
        return isFlag() ? "--" + name : "--" + name + "=" + valueName + (repeatable ? " ..." : "");
    }
}
