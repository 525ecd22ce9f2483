package dev.tenancy.core.provisioning;

import dev.tenancy.core.TenancyException;

import java.util.List;

/** An adoption that cannot go ahead, with every reason; nothing was changed. */
public final class AdoptionRefusedException extends TenancyException {

    private static final long serialVersionUID = 1L;

    private final transient AdoptionPlan plan;

    AdoptionRefusedException(AdoptionPlan plan) {
        super("Adopting " + plan.source() + " into " + plan.target() + " is refused; nothing was changed: "
                + String.join(" ", plan.problems()));
        this.plan = plan;
    }

    AdoptionRefusedException(String message) {
        super(message);
        this.plan = null;
    }

    /** The plan that was refused, or null when the request itself was refused. */
    public AdoptionPlan plan() {
        return plan;
    }

    /** Every reason. */
    public List<String> problems() {
        return plan == null ? List.of(getMessage()) : plan.problems();
    }
}
