package dev.tenancy.core;

import java.util.List;

/**
 * Input that breaks one of Tenancy's rules was refused before anything was written or sent to the database: a schema
 * name ({@link SchemaName}), a host name, a file name that could reach outside a tenant's storage, a tenant request
 * (a bad or reserved subdomain, an unknown or library-owned column, a missing required value). A web application
 * answers it with 400.
 *
 * <p>{@link #problems()} lists every problem found, each a sentence saying what was wrong and what to do, so a form
 * can show them all at once; the message joins them.
 */
public class InvalidInputException extends TenancyException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** Refuses input for one reason, a sentence saying what was wrong and what to do. */
    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    /** Refuses input for every one of {@code problems} (at least one). */
    public InvalidInputException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as a sentence saying what was wrong and what to do. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An InvalidInputException needs at least one problem.");
        }
        return problems.size() == 1 ? problems.get(0)
                : "The input has " + problems.size() + " problems: " + String.join(" ", problems);
    }
}
