package dev.tenancy.boot.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the audit of refused tenant access ({@code tenancy.audit.*}). */
@ConfigurationProperties("tenancy.audit")
public class TenancyAuditProperties {

    /** Whether refused tenant access is audited (log line, application event, counter). */
    private boolean enabled = true;

    /**
     * At most how many WARN lines a minute the audit logs; events beyond are counted and reported by the next line.
     * Application events and the counter are never limited.
     */
    private int logLinesPerMinute = 60;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getLogLinesPerMinute() {
        return logLinesPerMinute;
    }

    public void setLogLinesPerMinute(int logLinesPerMinute) {
        this.logLinesPerMinute = logLinesPerMinute;
    }
}
