package dev.tenancy.boot.ratelimit;

import dev.tenancy.boot.web.ErrorResponses;
import dev.tenancy.boot.web.RefusalPage;
import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a tenant's requests beyond its rate limit with {@code 429 Too Many Requests}, a {@code Retry-After}
 * header (whole seconds) and {@code {"error":"Too many requests for this tenant. Retry after N seconds."}}, or for
 * browsers (clients asking for {@code text/html}) the same sentence on an HTML page, rendered like the
 * {@link TenantFilter}'s refusals ({@link RefusalPage}). Runs after the {@link TenantFilter}; public requests (no
 * tenant) pass untouched. Limits are per instance, or shared by every instance through PostgreSQL.
 */
public final class TenantRateLimitFilter extends OncePerRequestFilter {

    private final TenantBuckets buckets;
    private final RateLimitRefusals refusals;
    private final ErrorResponses responses;

    TenantRateLimitFilter(TenantBuckets buckets, RateLimitRefusals refusals, RefusalPage page) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.responses = new ErrorResponses(page);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TenantRecord> tenant = TenantFilter.tenantOf(request);
        if (tenant.isPresent()) {
            ConsumptionProbe probe = buckets.take(tenant.get());
            if (!probe.isConsumed()) {
                refusals.refused(tenant.get());
                long seconds = retryAfterSeconds(probe);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                responses.write(request, response, HttpStatus.TOO_MANY_REQUESTS.value(),
                        "Too many requests for this tenant. Retry after " + seconds + " seconds.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static long retryAfterSeconds(ConsumptionProbe probe) {
        long nanos = probe.getNanosToWaitForRefill();
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
}
