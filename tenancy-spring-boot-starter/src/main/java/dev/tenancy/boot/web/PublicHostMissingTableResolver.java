package dev.tenancy.boot.web;

import dev.tenancy.core.Tenants;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Answers 404 instead of 500 when an endpoint served on a public host fails because a table it reads does not exist
 * there (PostgreSQL's {@code undefined_table}, SQLSTATE {@value #UNDEFINED_TABLE}): its tables live only in tenant
 * schemas, so on the public host the endpoint has nothing to serve, exactly as if it were marked
 * {@link TenantEndpoint}. The body is {@code {"error":"Not found."}}; the log says which endpoint to mark.
 *
 * <p>On tenant hosts the same error stays a server error: there it means a tenant schema lacks a table its
 * migrations should have created.
 */
public final class PublicHostMissingTableResolver implements HandlerExceptionResolver, Ordered {

    private static final ErrorResponses REFUSALS = new ErrorResponses(RefusalPage.standard());

    /** PostgreSQL's SQLSTATE for a relation that does not exist. */
    public static final String UNDEFINED_TABLE = "42P01";

    private static final Log log = LogFactory.getLog(PublicHostMissingTableResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (TenantFilter.tenantOf(request).isPresent() || Tenants.current().isPresent()
                || !isUndefinedTable(exception) || response.isCommitted()) {
            return null;
        }
        log.warn("The endpoint " + handler + " read a table that exists only in tenant schemas while serving the "
                + "public host " + request.getServerName() + "; answered 404. Mark it @TenantEndpoint (or list its "
                + "path in tenancy.web.tenant-paths) so that public hosts never reach it.");
        try {
            REFUSALS.write(request, response, HttpServletResponse.SC_NOT_FOUND, "Not found.");
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    static boolean isUndefinedTable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
