package dev.tenancy.boot.web;

import dev.tenancy.core.TenantSchemaMissingException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers 503 when a request meets a tenant whose schema does not exist: Tenancy refused to run its statements
 * ({@link TenantSchemaMissingException}, found anywhere in the cause chain, e.g. inside Spring's
 * {@code DataAccessException} or a JPA exception) rather than serve the shared schema's tables. The body is the plain
 * JSON {@code {"error":"This tenant is temporarily unavailable."}}, with no schema name; the full message is logged
 * once per request as a warning. Registered right after the {@link TenantFilter}, so it also sees what Spring Security
 * and the rest of the chain throw. A response already committed is left as it is and the exception passes on.
 */
public final class MissingSchemaFilter extends OncePerRequestFilter {

    private static final ErrorResponses REFUSALS = new ErrorResponses(RefusalPage.standard());

    /** The body's message. */
    public static final String MESSAGE = "This tenant is temporarily unavailable.";

    private static final System.Logger LOG = System.getLogger(MissingSchemaFilter.class.getName());

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            TenantSchemaMissingException missing = find(e);
            if (missing == null || response.isCommitted()) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "Answered 503: " + missing.getMessage());
            REFUSALS.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, MESSAGE);
        }
    }

    /** The {@link TenantSchemaMissingException} in {@code failure}'s cause chain, or {@code null}. */
    static TenantSchemaMissingException find(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 64; cause = cause.getCause(), depth++) {
            if (cause instanceof TenantSchemaMissingException missing) {
                return missing;
            }
        }
        return null;
    }
}
