package dev.tenancy.boot.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of Tenancy's metrics ({@code tenancy.metrics.*}). */
@ConfigurationProperties("tenancy.metrics")
public class TenancyMetricsProperties {

    /** Whether Tenancy records metrics at all (when Micrometer is on the class path). */
    private boolean enabled = true;

    /**
     * Whether the resolution, provisioning and migration meters carry a {@code tenant} tag with the schema name.
     * Off by default: every tenant then makes meters of its own, so with thousands of tenants the metrics backend
     * stores thousands of series per meter (cost, memory, slow queries). Turn it on only for small fleets.
     */
    private boolean tenantTag = false;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isTenantTag() {
        return tenantTag;
    }

    public void setTenantTag(boolean tenantTag) {
        this.tenantTag = tenantTag;
    }
}
