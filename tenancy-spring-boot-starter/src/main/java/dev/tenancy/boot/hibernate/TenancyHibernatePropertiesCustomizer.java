package dev.tenancy.boot.hibernate;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.hibernate.HibernateTenancy;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes Spring Boot's JPA persistence unit schema-per-tenant: Hibernate gets Tenancy's connection provider over the
 * tenant-aware DataSource and its tenant identifier resolver ({@link HibernateTenancy#settings}), so each session
 * works in the schema of the tenant that was current when it opened, and sessions opened outside any tenant see the
 * shared schema only.
 *
 * <p>Refuses schema generation that writes ({@code spring.jpa.hibernate.ddl-auto=update}, {@code create}, ...):
 * Hibernate generates through a connection to the shared schema, so it would create tenant tables there, where every
 * tenant's unqualified queries would find them. Schemas are built by migrations instead.
 */
public final class TenancyHibernatePropertiesCustomizer implements HibernatePropertiesCustomizer {

    private static final Set<String> SCHEMA_ACTION_SETTINGS = Set.of("hibernate.hbm2ddl.auto",
            "jakarta.persistence.schema-generation.database.action");
    private static final Set<String> READ_ONLY_ACTIONS = Set.of("none", "validate");

    private final TenantAwareDataSource dataSource;

    /** A customizer handing Hibernate connections of {@code dataSource}. */
    public TenancyHibernatePropertiesCustomizer(TenantAwareDataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        for (String setting : SCHEMA_ACTION_SETTINGS) {
            Object action = hibernateProperties.get(setting);
            if (action != null && !READ_ONLY_ACTIONS.contains(action.toString().trim().toLowerCase(Locale.ROOT))) {
                throw new TenancyException(setting + "=" + action + " would make Hibernate create tenant tables in "
                        + "the shared schema, where every tenant would see them. Remove spring.jpa.hibernate.ddl-auto "
                        + "(or set it to none) and create tables with migrations in db/migration/shared and "
                        + "db/migration/tenant.");
            }
        }
        hibernateProperties.putAll(HibernateTenancy.settings(dataSource));
    }
}
