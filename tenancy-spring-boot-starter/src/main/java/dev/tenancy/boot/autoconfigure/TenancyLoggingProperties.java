package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Logging under Tenancy ({@code tenancy.logging.*}). */
@ConfigurationProperties("tenancy.logging")
public class TenancyLoggingProperties {

    /**
     * Whether the current tenant's schema name is kept in SLF4J's MDC while code works for a tenant (requests,
     * async tasks, commands, migration workers), and removed when it works in public. Show it in log lines with
     * %X{tenant} in the pattern (logging.pattern.level, for example).
     */
    private boolean mdc = true;

    /** The MDC key holding the tenant's schema name. */
    private String mdcKey = "tenant";

    public boolean isMdc() {
        return mdc;
    }

    public void setMdc(boolean mdc) {
        this.mdc = mdc;
    }

    public String getMdcKey() {
        return mdcKey;
    }

    public void setMdcKey(String mdcKey) {
        this.mdcKey = mdcKey;
    }
}
