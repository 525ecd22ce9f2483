package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tenant-affine reuse of the application's HikariCP pool ({@code tenancy.pool.affinity.*}): a connection given back
 * with its tenant's {@code search_path} set is parked for a moment, still checked out of the pool, and the same
 * tenant's next connection reuses it without the round trip that sets the path. See the starter README's "Tenant
 * affinity".
 */
@ConfigurationProperties("tenancy.pool.affinity")
public class TenancyPoolAffinityProperties {

    /**
     * Whether connections are reused by tenant (default {@code false}). Needs HikariCP, and cannot be combined with
     * {@code tenancy.pooler.transaction-mode=true} (behind a transaction pooler no session state is kept). Parked
     * connections count against HikariCP's maximum pool size and show as active in its metrics; none is parked
     * while a thread waits for a connection. Only a connection that never went back to the pool is reused without
     * setting its path, so nothing else can have changed it; anything uncertain (SQL text that may change the path,
     * a rollback of the transaction that set it, a failed statement, {@code unwrap} to the driver's connection)
     * gives it back to the pool instead.
     */
    private boolean enabled = false;

    /** How long a parked connection waits for its tenant before it goes back to the pool (default 100 ms). */
    private Duration idleTimeout = Duration.ofMillis(100);

    /**
     * How long a connection may stay out of the pool, in use or parked, before it goes back (default 1 s), so that
     * HikariCP's own limits ({@code max-lifetime}, which bounds a backend's catalogue memory) still apply. Keep
     * HikariCP's {@code leak-detection-threshold}, if set, above it.
     */
    private Duration maxHold = Duration.ofSeconds(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration getMaxHold() {
        return maxHold;
    }

    public void setMaxHold(Duration maxHold) {
        this.maxHold = maxHold;
    }
}
