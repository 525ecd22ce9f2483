package dev.tenancy.boot.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Per-tenant rate limits ({@code tenancy.rate-limit.*}); off unless {@code tenancy.rate-limit.enabled=true}. */
@ConfigurationProperties("tenancy.rate-limit")
public class TenancyRateLimitProperties {

    /** Whether tenants' requests are rate limited. Off by default. */
    private boolean enabled;

    /** How many requests each tenant may make in every interval (unless a TenantRateLimits bean says otherwise). */
    private long requests = 100;

    /** The interval the request limit applies to, e.g. 1s, 1m. */
    private Duration per = Duration.ofSeconds(1);

    /**
     * How many tenants' buckets this instance keeps in memory; the least recently used are dropped beyond it (a
     * dropped tenant starts again with a full bucket).
     */
    private long maxTenants = 10_000;

    /**
     * Where the buckets are kept: {@code memory} (each instance limits on its own, so N instances let a tenant make
     * up to N times the limit) or {@code postgresql} (one budget per tenant shared by every instance, in the table
     * {@code table} of the shared schema; each limited request then costs one short database transaction).
     */
    private Store store = Store.MEMORY;

    /** The table in the shared schema that keeps the buckets with {@code store=postgresql}; created if missing. */
    private String table = "tenancy_rate_limit_buckets";

    /** Where rate-limit buckets are kept. */
    public enum Store {
        /** In each instance's memory. */
        MEMORY,
        /** In a PostgreSQL table, shared by every instance. */
        POSTGRESQL
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getRequests() {
        return requests;
    }

    public void setRequests(long requests) {
        this.requests = requests;
    }

    public Duration getPer() {
        return per;
    }

    public void setPer(Duration per) {
        this.per = per;
    }

    public long getMaxTenants() {
        return maxTenants;
    }

    public void setMaxTenants(long maxTenants) {
        this.maxTenants = maxTenants;
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }
}
