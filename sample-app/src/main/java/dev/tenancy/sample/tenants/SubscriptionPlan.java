package dev.tenancy.sample.tenants;

import dev.tenancy.sample.web.RequestRefusedException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A tenant's subscription plan, written in lower case in the database, in JSON and on the command line. */
public enum SubscriptionPlan {
    BASIC, PROFESSIONAL, ENTERPRISE;

    /** The plan's name as users write it, e.g. {@code professional}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The plan named {@code value} (any case).
     *
     * @throws RequestRefusedException (invalid) when no plan has that name
     */
    public static SubscriptionPlan of(String value) {
        for (SubscriptionPlan plan : values()) {
            if (plan.value().equalsIgnoreCase(value.trim())) {
                return plan;
            }
        }
        throw RequestRefusedException.invalid("subscription_plan must be one of " + names() + ".");
    }

    static String names() {
        return Arrays.stream(values()).map(SubscriptionPlan::value).collect(Collectors.joining(", "));
    }
}
