package dev.tenancy.boot.web;

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
public final class DatabaseUnavailableFilter extends ServiceUnavailableFilter {

    /** The body's message. */
    public static final String MESSAGE = "The service is temporarily unavailable. Try again shortly.";

    /** A filter answering 503 with {@link #MESSAGE}. */
    public DatabaseUnavailableFilter() {
        super(DatabaseUnavailableFilter::isUnavailable, MESSAGE);
    }

    private static boolean isUnavailable(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException) {
            return true;
        }
        String state = failure instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
