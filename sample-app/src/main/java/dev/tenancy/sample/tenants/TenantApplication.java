package dev.tenancy.sample.tenants;

import dev.tenancy.sample.users.NewUser;
import dev.tenancy.sample.web.RequestRefusedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tenant to register, as {@code POST /api/admin/tenants/} receives it (and {@code register-tenant} builds it).
 *
 * @param companyName required, at most 100 characters
 * @param subdomain required: the tenant's host is {@code <subdomain>.<tenancy.domain-suffix>} and its schema
 *     {@code tenant_<subdomain>}; letters, digits and inner hyphens, at most 56 characters, case-insensitive
 * @param adminEmail required: the tenant super admin's e-mail address and user name
 * @param adminPassword required: the tenant super admin's password
 * @param subscriptionPlan optional: basic (the default), professional or enterprise
 */
public record TenantApplication(String companyName, String subdomain, String adminEmail, String adminPassword,
        String subscriptionPlan) {

    /** ASCII only, checked before lower-casing: look-alikes such as the Kelvin sign must not fold into letters. */
    private static final Pattern SUBDOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,54}[A-Za-z0-9])?");

    /**
     * Checks every field and returns the application with its subdomain in lower case.
     *
     * @throws RequestRefusedException (invalid) naming every problem found
     */
    public TenantApplication validated() {
        Map<String, String> problems = problems();
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(String.join(" ", problems.values()));
        }
        return new TenantApplication(companyName.trim(), subdomain.trim().toLowerCase(Locale.ROOT),
                adminEmail.trim(), adminPassword, subscriptionPlan);
    }

    /**
     * What is wrong with the application, by field ({@code company_name}, {@code subdomain}, {@code admin_email},
     * {@code admin_password}, {@code subscription_plan}), in that order; empty when it is valid.
     */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (companyName == null || companyName.isBlank() || companyName.length() > 100) {
            problems.put("company_name", "company_name is required (at most 100 characters).");
        } else if (companyName.chars().anyMatch(Character::isISOControl)) {
            problems.put("company_name", "company_name must not contain control characters (such as NUL or a "
                    + "line break).");
        }
        String label = subdomain == null ? "" : subdomain.trim();
        if (!SUBDOMAIN.matcher(label).matches()) {
            problems.put("subdomain", "subdomain is required: 1 to 56 letters, digits and hyphens, not starting or "
                    + "ending with a hyphen (e.g. acme).");
        }
        List<String> found = new ArrayList<>();
        NewUser.checkEmail("admin_email", adminEmail, found);
        found.forEach(problem -> problems.put("admin_email", problem));
        found.clear();
        NewUser.checkPassword("admin_password", adminPassword, found);
        found.forEach(problem -> problems.put("admin_password", problem));
        if (subscriptionPlan != null && !subscriptionPlan.isBlank()) {
            try {
                SubscriptionPlan.of(subscriptionPlan);
            } catch (RequestRefusedException e) {
                problems.put("subscription_plan", e.getMessage());
            }
        }
        return problems;
    }

    /** The chosen plan, {@link SubscriptionPlan#BASIC} when none was given. */
    public SubscriptionPlan plan() {
        return subscriptionPlan == null || subscriptionPlan.isBlank() ? SubscriptionPlan.BASIC
                : SubscriptionPlan.of(subscriptionPlan);
    }

    @Override
    public String toString() {
        return "TenantApplication[" + companyName + ", " + subdomain + ", " + adminEmail + "]";
    }
}
