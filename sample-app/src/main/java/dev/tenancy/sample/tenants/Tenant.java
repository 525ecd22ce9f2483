package dev.tenancy.sample.tenants;

import dev.tenancy.core.model.TenantMixin;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer organisation: one row in {@code public.tenants}, one PostgreSQL schema, one or more host names. The
 * requirements' fields on top of Tenancy's {@link TenantMixin}; {@code is_active} is derived from the lifecycle
 * status by the database, so deactivating a tenant is one change that the request filter honours too.
 */
@Entity
@Table(name = "tenants", schema = "public")
public class Tenant extends TenantMixin {

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "created_on", nullable = false, insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    private Instant createdOn;

    @Column(name = "updated_on", nullable = false, insertable = false)
    @Generated(event = EventType.INSERT)
    private Instant updatedOn;

    @Column(name = "max_users", nullable = false)
    private int maxUsers = 50;

    @Column(name = "is_active", insertable = false, updatable = false)
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    private boolean active;

    @Column(name = "subscription_plan", nullable = false, length = 50)
    private SubscriptionPlan subscriptionPlan = SubscriptionPlan.BASIC;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(name = "contact_phone", length = 20)
    private String contactPhone;

    @OneToMany(mappedBy = "tenant")
    @OrderBy("id")
    private List<Domain> domains = new ArrayList<>();

    @PreUpdate
    void touch() {
        updatedOn = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Serves the tenant's hosts again (it must have finished provisioning). */
    public void activate() {
        if (getStatus() == TenantStatus.PROVISIONING) {
            throw new IllegalStateException("A tenant that is still being created cannot be activated.");
        }
        setStatus(TenantStatus.ACTIVE);
    }

    /** Stops serving the tenant's hosts; its schema and data are kept. */
    public void deactivate() {
        if (getStatus() == TenantStatus.PROVISIONING) {
            throw new IllegalStateException("A tenant that is still being created cannot be deactivated.");
        }
        setStatus(TenantStatus.INACTIVE);
    }

    /** The primary host name, if the tenant has one. */
    public Optional<String> primaryDomain() {
        return domains.stream().filter(Domain::isPrimary).map(Domain::getDomain).findFirst();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Instant getCreatedOn() {
        return createdOn;
    }

    public Instant getUpdatedOn() {
        return updatedOn;
    }

    public int getMaxUsers() {
        return maxUsers;
    }

    public void setMaxUsers(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    /** Whether the tenant is served: not deactivated (as the database derives it from the status). */
    public boolean isActive() {
        return active;
    }

    public SubscriptionPlan getSubscriptionPlan() {
        return subscriptionPlan;
    }

    public void setSubscriptionPlan(SubscriptionPlan subscriptionPlan) {
        this.subscriptionPlan = subscriptionPlan;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public List<Domain> getDomains() {
        return domains;
    }
}
