package dev.tenancy.boot.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Settings of the {@code tenants} health contributor ({@code tenancy.health.*}). */
@ConfigurationProperties("tenancy.health")
public class TenancyHealthProperties {

    /**
     * How long a tenant may stay PROVISIONING before the health details report it as stuck. Creations normally take
     * well under a second; a crash leaves the row behind until the next start-up's recovery.
     */
    private Duration provisioningThreshold = Duration.ofMinutes(10);

    /** How many schema names the health details show for each problem (the counts are always complete). */
    private int namesShown = 5;

    public Duration getProvisioningThreshold() {
        return provisioningThreshold;
    }

    public void setProvisioningThreshold(Duration provisioningThreshold) {
        this.provisioningThreshold = provisioningThreshold;
    }

    public int getNamesShown() {
        return namesShown;
    }

    public void setNamesShown(int namesShown) {
        if (namesShown < 0) {
            throw new IllegalArgumentException("tenancy.health.names-shown must be zero or more, was " + namesShown);
        }
        this.namesShown = namesShown;
    }
}
