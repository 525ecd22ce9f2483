package dev.tenancy.core.provisioning;

import dev.tenancy.core.TenancyException;

import java.util.List;

/**
 * A {@link TenantRequest} cannot be carried out as given: a bad subdomain, a reserved name, a value for a column the
 * tenant table does not have (or that provisioning manages itself), or required columns with no value. Nothing was
 * written. {@link #problems()} lists every problem found, so a form can show them all at once.
 */
public final class InvalidTenantRequestException extends TenancyException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidTenantRequestException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : "The tenant request has " + problems.size() + " problems: " + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    InvalidTenantRequestException(String problem) {
        this(List.of(problem));
    }

    /** Each problem, as a sentence saying what was wrong and what to do. */
    public List<String> problems() {
        return problems;
    }
}
