package dev.tenancy.boot.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Answers 503 when a request failed because the database could not be reached or gave no connection in time: the
 * server is down or restarting, the connection was cut, or the pool stayed exhausted for its whole connection
 * timeout. The failure is recognised anywhere in the cause chain (inside Spring's {@code DataAccessException}, a JPA
 * exception or Tenancy's own): a {@link SQLTransientConnectionException} (HikariCP's "connection is not available"),
 * {@link SQLNonTransientConnectionException} or {@link SQLRecoverableException}, or an {@link SQLException} whose
 * SQLState is a connection exception (class {@code 08}) or says the server is shutting down or starting
 * ({@code 57P01} to {@code 57P03}). The body is the plain JSON {@code {"error":"The service is temporarily
 * unavailable. Try again shortly."}} (or the refusal page, for browsers), with no SQL, schema name or stack trace; the
 * exception is logged once per request as a warning. Other failures pass on unchanged.
 *
 * <p>Registered just before the {@link TenantFilter}, so it also covers a tenant lookup that could not reach the
 * database. A response already committed is left as it is and the exception passes on.
 */
public final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    /** The body's message. */
    public static final String MESSAGE = "The service is temporarily unavailable. Try again shortly.";

    private static final ErrorResponses REFUSALS = new ErrorResponses(RefusalPage.standard());
    private static final System.Logger LOG = System.getLogger(DatabaseUnavailableFilter.class.getName());

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
            SQLException unavailable = find(e);
            if (unavailable == null || response.isCommitted()) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "Answered 503 to " + request.getMethod() + " "
                    + request.getRequestURI() + ", the database being unavailable: " + unavailable);
            REFUSALS.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, MESSAGE);
        }
    }

    /** The exception in {@code failure}'s cause chain saying the database is unavailable, or {@code null}. */
    static SQLException find(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 64; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && isUnavailable(sql)) {
                return sql;
            }
        }
        return null;
    }

    private static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
