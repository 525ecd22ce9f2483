package dev.tenancy.boot.ratelimit;

import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.core.directory.TenantRecord;

import io.github.bucket4j.ConsumptionProbe;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a tenant's requests beyond its rate limit with {@code 429 Too Many Requests}, a {@code Retry-After}
 * header (whole seconds) and {@code {"error":"Too many requests for this tenant. Retry after N seconds."}}. Runs
 * after the {@link TenantFilter}; public requests (no tenant) pass untouched. Limits are per instance.
 */
public final class TenantRateLimitFilter extends OncePerRequestFilter {

    private final TenantBuckets buckets;
    private final RateLimitRefusals refusals;

    TenantRateLimitFilter(TenantBuckets buckets, RateLimitRefusals refusals) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TenantRecord> tenant = TenantFilter.tenantOf(request);
        if (tenant.isPresent()) {
            ConsumptionProbe probe = buckets.take(tenant.get());
            if (!probe.isConsumed()) {
                refusals.refused(tenant.get());
                refuse(response, retryAfterSeconds(probe));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static long retryAfterSeconds(ConsumptionProbe probe) {
        long nanos = probe.getNanosToWaitForRefill();
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private static void refuse(HttpServletResponse response, long seconds) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"Too many requests for this tenant. Retry after " + seconds
                + " seconds.\"}");
        response.flushBuffer();
    }
}
