package dev.tenancy.sample.admin;

import dev.tenancy.sample.tenants.SubscriptionPlan;
import dev.tenancy.sample.tenants.Tenant;
import dev.tenancy.sample.tenants.TenantRepository;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The platform's tenant list, one page at a time: filtered, searched and sorted by the database (a page reads only
 * its own rows, however many tenants there are).
 */
@Service
class TenantListing {

    static final int PAGE_SIZE = 25;

    /** The sortable columns, by the name the page uses. */
    static final Map<String, String> COLUMNS = Map.of("name", "name", "schema", "schemaName", "active", "active",
            "plan", "subscriptionPlan", "created", "createdOn");

    private final TenantRepository tenants;

    TenantListing(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** One row of the list. */
    record Row(long id, String name, String schema, boolean active, String plan, String created) {
    }

    /**
     * What the list shows; every field is optional and unknown values are ignored.
     *
     * @param q search text: part of the name, schema name or contact e-mail, any case
     * @param active {@code yes} or {@code no}
     * @param plan a plan's name
     * @param created {@code today}, {@code week} (the past 7 days), {@code month} or {@code year} (this one)
     * @param sort a column of {@link #COLUMNS}; the newest first when absent
     * @param dir {@code asc} or {@code desc}
     * @param page the page, from 1
     */
    record Query(String q, String active, String plan, String created, String sort, String dir, Integer page) {
    }

    @Transactional(readOnly = true)
    Page<Row> find(Query query) {
        String column = query.sort() == null ? null : COLUMNS.get(query.sort());
        Sort order = column == null ? Sort.by(Sort.Order.desc("createdOn"), Sort.Order.desc("id"))
                : Sort.by("desc".equals(query.dir()) ? Sort.Direction.DESC : Sort.Direction.ASC, column)
                        .and(Sort.by("id"));
        int page = query.page() == null || query.page() < 1 ? 0 : query.page() - 1;
        return tenants.findAll(filter(query), PageRequest.of(page, PAGE_SIZE, order))
                .map(tenant -> new Row(tenant.getId(), tenant.getName(), tenant.getSchemaName(), tenant.isActive(),
                        tenant.getSubscriptionPlan().value(), Timestamps.format(tenant.getCreatedOn())));
    }

    private static Specification<Tenant> filter(Query query) {
        SubscriptionPlan plan = planOf(query.plan());
        Instant since = since(query.created());
        return (root, criteria, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            if ("yes".equals(query.active()) || "no".equals(query.active())) {
                predicates.add(builder.equal(root.get("active"), "yes".equals(query.active())));
            }
            if (plan != null) {
                predicates.add(builder.equal(root.get("subscriptionPlan"), plan));
            }
            if (since != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("createdOn"), since));
            }
            if (query.q() != null && !query.q().isBlank()) {
                String pattern = "%" + query.q().trim().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                predicates.add(builder.or(
                        builder.like(builder.lower(root.get("name")), pattern, '\\'),
                        builder.like(builder.lower(root.get("schemaName")), pattern, '\\'),
                        builder.like(builder.lower(root.get("contactEmail")), pattern, '\\')));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static SubscriptionPlan planOf(String name) {
        for (SubscriptionPlan plan : SubscriptionPlan.values()) {
            if (plan.value().equals(name)) {
                return plan;
            }
        }
        return null;
    }

    private static Instant since(String created) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = switch (created == null ? "" : created) {
            case "today" -> today;
            case "week" -> today.minusDays(7);
            case "month" -> today.withDayOfMonth(1);
            case "year" -> today.withDayOfYear(1);
            default -> null;
        };
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
