package dev.tenancy.core.model;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.directory.TenantDirectory;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * The base of an application's domain entity (django-tenants' {@code DomainMixin}): one host name that serves a
 * tenant. Host names are stored normalised (lower case, no port, no trailing dot) and are unique.
 *
 * <pre>{@code
 * @Entity @Table(name = "domains", schema = "public")
 * public class Domain extends DomainMixin<Tenant> { }
 * }</pre>
 *
 * <p>Exactly one domain per tenant is primary: the first one added, until another is made primary through
 * {@link dev.tenancy.core.directory.DomainStore}, which demotes the old one. Columns: {@code id}, {@code domain}
 * (unique), {@code tenant_id}, {@code is_primary}.
 *
 * @param <T> the application's tenant entity
 */
@MappedSuperclass
public abstract class DomainMixin<T extends TenantMixin> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "domain", nullable = false, unique = true, length = 253)
    private String domain;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private T tenant;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    /** The database identity, or {@code null} before the domain is saved. */
    public Long getId() {
        return id;
    }

    /** The normalised host name. */
    public String getDomain() {
        return domain;
    }

    /**
     * Sets the host name, normalised ({@link TenantDirectory#normaliseHost(String)}).
     *
     * @throws dev.tenancy.core.directory.InvalidInputException when it is not a valid host name
     */
    public void setDomain(String domain) {
        this.domain = TenantDirectory.normaliseHost(domain);
    }

    /** The tenant this host name serves. */
    public T getTenant() {
        return tenant;
    }

    /** Sets the tenant this host name serves. */
    public void setTenant(T tenant) {
        this.tenant = tenant;
    }

    /** Whether this is the tenant's primary domain. */
    public boolean isPrimary() {
        return primary;
    }

    /** Marks this domain primary or not; keep exactly one primary per tenant (see {@code DomainStore}). */
    public void setPrimary(boolean primary) {
        this.primary = primary;
    }
}
