package dev.tenancy.boot.audit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records refused tenant access as security events: a {@link TenantAccessDeniedEvent} for every refusal, and a WARN
 * line on the logger {@code dev.tenancy.boot.audit.TenantAccessAuditor} ({@code tenant access denied:
 * reason=UNKNOWN_HOST host=nobody.example.com tenant=- remote=203.0.113.9}). The log is rate-limited so that a flood
 * cannot fill the disk: at most {@code linesPerMinute} lines a minute, the next line after a quiet spell saying how
 * many were left out. Host names are sanitised (control characters replaced, cut at 253 characters) before they are
 * logged or published. The tenant filter's refusals are audited by themselves; an application's security code calls
 * {@link #crossTenant} when it sees one tenant's credentials or session on another tenant's address.
 */
public final class TenantAccessAuditor {

    private static final Log log = LogFactory.getLog(TenantAccessAuditor.class);
    private static final int MAX_HOST = 253;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final ApplicationEventPublisher events;
    private final int linesPerMinute;
    private final Object window = new Object();
    private long windowStart = System.nanoTime();
    private int linesInWindow;
    private final AtomicLong suppressed = new AtomicLong();

    /** An auditor publishing to {@code events} and logging at most {@code linesPerMinute} lines a minute. */
    public TenantAccessAuditor(ApplicationEventPublisher events, int linesPerMinute) {
        this.events = Objects.requireNonNull(events, "events");
        if (linesPerMinute < 0) {
            throw new IllegalArgumentException("linesPerMinute must be zero or more, was " + linesPerMinute);
        }
        this.linesPerMinute = linesPerMinute;
    }

    /** Records that {@code request} was refused for {@code reason}; {@code tenant} is the address's tenant or null. */
    public void denied(HttpServletRequest request, AccessDenial reason, String tenant) {
        record(reason, request.getServerName(), tenant, null, request.getRemoteAddr());
    }

    /**
     * Records that {@code request}, for the tenant {@code hostTenant}, presented credentials or a session of
     * {@code presentedTenant}. Call it from the application's security code; never pass the credentials themselves.
     */
    public void crossTenant(HttpServletRequest request, String presentedTenant, String hostTenant) {
        record(AccessDenial.CROSS_TENANT_CREDENTIALS, request.getServerName(), hostTenant, presentedTenant,
                request.getRemoteAddr());
    }

    private void record(AccessDenial reason, String rawHost, String tenant, String presentedTenant, String remote) {
        String host = sanitise(rawHost);
        String client = sanitise(remote);
        events.publishEvent(new TenantAccessDeniedEvent(this, reason, host, tenant, presentedTenant, client));
        if (!log.isWarnEnabled()) {
            return;
        }
        long left = admit();
        if (left < 0) {
            return;
        }
        log.warn("tenant access denied: reason=" + reason + " host=" + host + " tenant=" + (tenant == null ? "-"
                : tenant) + (presentedTenant == null ? "" : " presented-tenant=" + presentedTenant) + " remote="
                + client + (left == 0 ? "" : " (" + left + " similar events not logged in the last minute)"));
    }

    /** -1 when this line is over the limit; else how many lines were left out before it. */
    private long admit() {
        synchronized (window) {
            long now = System.nanoTime();
            if (now - windowStart >= MINUTE_NANOS) {
                windowStart = now;
                linesInWindow = 0;
            }
            if (linesInWindow >= linesPerMinute) {
                suppressed.incrementAndGet();
                return -1;
            }
            linesInWindow++;
            return suppressed.getAndSet(0);
        }
    }

    static String sanitise(String value) {
        if (value == null) {
            return "-";
        }
        String cut = value.length() > MAX_HOST ? value.substring(0, MAX_HOST) : value;
        StringBuilder clean = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) || Character.isWhitespace(c)
                ? '?' : c));
        return clean.toString();
    }
}
