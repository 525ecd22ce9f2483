package dev.tenancy.sample.tenants;

import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.sample.users.NewUser;
import dev.tenancy.sample.web.RequestRefusedException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The platform's view of its tenants (the requirements' tenant admin): list with filters and search, read, change
 * and deactivate. Changes to whether a tenant is served reach the request filter at once.
 */
@Service
public class TenantCatalog {

    private final TenantRepository tenants;
    private final TenantProvisioner provisioner;
    private final EntityManager entities;

    TenantCatalog(TenantRepository tenants, TenantProvisioner provisioner, EntityManager entities) {
        this.tenants = tenants;
        this.provisioner = provisioner;
        this.entities = entities;
    }

    /**
     * The tenants, oldest first, filtered by plan and active state when given, and matching {@code search} (in the
     * name, contact e-mail or schema name, case-insensitively) when given.
     */
    @Transactional(readOnly = true)
    public List<TenantView> list(String plan, Boolean active, String search) {
        SubscriptionPlan wanted = plan == null || plan.isBlank() ? null : SubscriptionPlan.of(plan);
        Specification<Tenant> filter = (root, query, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (wanted != null) {
                predicates.add(builder.equal(root.get("subscriptionPlan"), wanted));
            }
            if (active != null) {
                predicates.add(builder.equal(root.get("active"), active));
            }
            if (search != null && !search.isBlank()) {
                String pattern = "%" + search.trim().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                predicates.add(builder.or(
                        builder.like(builder.lower(root.get("name")), pattern, '\\'),
                        builder.like(builder.lower(root.get("contactEmail")), pattern, '\\'),
                        builder.like(builder.lower(root.get("schemaName")), pattern, '\\')));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
        return tenants.findAll(filter, Sort.by("id")).stream().map(TenantView::of).toList();
    }

    /** The tenant with {@code id}. */
    @Transactional(readOnly = true)
    public TenantView get(long id) {
        return TenantView.of(find(id));
    }

    /** Applies {@code changes} to the tenant with {@code id}. */
    @Transactional
    public TenantView change(long id, TenantChanges changes) {
        Tenant tenant = find(id);
        List<String> problems = new ArrayList<>();
        if (changes.name() != null) {
            if (changes.name().isBlank() || changes.name().length() > 100) {
                problems.add("name must have 1 to 100 characters.");
            }
            tenant.setName(changes.name().trim());
        }
        if (changes.maxUsers() != null) {
            if (changes.maxUsers() < 1) {
                problems.add("max_users must be at least 1.");
            }
            tenant.setMaxUsers(changes.maxUsers());
        }
        if (changes.contactEmail() != null) {
            if (!changes.contactEmail().isEmpty()) {
                NewUser.checkEmail("contact_email", changes.contactEmail(), problems);
            }
            tenant.setContactEmail(changes.contactEmail().isEmpty() ? null : changes.contactEmail());
        }
        if (changes.contactPhone() != null) {
            if (changes.contactPhone().length() > 20) {
                problems.add("contact_phone may have up to 20 characters.");
            }
            tenant.setContactPhone(changes.contactPhone().isEmpty() ? null : changes.contactPhone());
        }
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(String.join(" ", problems));
        }
        if (changes.subscriptionPlan() != null) {
            tenant.setSubscriptionPlan(SubscriptionPlan.of(changes.subscriptionPlan()));
        }
        Tenant saved = tenants.saveAndFlush(tenant);
        if (changes.active() != null) {
            setServed(saved, changes.active());
        }
        return TenantView.of(saved);
    }

    /** Deactivates the tenant with {@code id}: its hosts are refused from now on; its schema and data are kept. */
    @Transactional
    public TenantView deactivate(long id) {
        Tenant tenant = find(id);
        setServed(tenant, false);
        return TenantView.of(tenant);
    }

    /**
     * Status is the provisioner's to write (a save of the entity never changes it), so it activates or deactivates
     * the tenant, and the entity is read again to show the outcome.
     */
    private void setServed(Tenant tenant, boolean served) {
        try {
            if (served) {
                tenant.activate();
                provisioner.activate(tenant.getSchema(), "tenant-admin");
            } else {
                tenant.deactivate();
                provisioner.deactivate(tenant.getSchema(), "tenant-admin");
            }
        } catch (IllegalStateException | TenantConflictException e) {
            throw RequestRefusedException.conflict(e.getMessage() + " Try again in a moment.");
        }
        entities.refresh(tenant);
    }

    private Tenant find(long id) {
        return tenants.findById(id).orElseThrow(() -> RequestRefusedException.notFound("No tenant has the id " + id
                + "."));
    }
}
