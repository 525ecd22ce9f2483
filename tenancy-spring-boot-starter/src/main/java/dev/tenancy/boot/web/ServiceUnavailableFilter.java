package dev.tenancy.boot.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * Answers 503 with a fixed message when the rest of the chain throws an exception whose cause chain holds one that
 * {@code recognised} accepts; logs that cause once as a warning; lets every other failure, and any failure after the
 * response was committed, pass on unchanged. Async dispatches are covered too (the starter registers it for request and
 * async dispatches).
 *
 * <p>A plain filter rather than Spring's {@code OncePerRequestFilter}: it only wraps the chain in a {@code catch}, so
 * running it again in a nested dispatch changes nothing, and it saves every request the "already filtered" request
 * attribute (a string built, set and removed per request; issue 18 measured the request path's allocations).
 */
abstract class ServiceUnavailableFilter extends HttpFilter {

    private static final ErrorResponses REFUSALS = new ErrorResponses(RefusalPage.standard());
    private static final int MAX_CAUSES = 64;

    private final Predicate<Throwable> recognised;
    private final String message;
    private final System.Logger log;

    ServiceUnavailableFilter(Predicate<Throwable> recognised, String message) {
        this.recognised = recognised;
        this.message = message;
        this.log = System.getLogger(getClass().getName());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Throwable cause = causeIn(e, recognised);
            if (cause == null || response.isCommitted()) {
                throw e;
            }
            log.log(System.Logger.Level.WARNING, "Answered 503 to " + request.getMethod() + " "
                    + request.getRequestURI() + ": " + cause);
            REFUSALS.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, message);
        }
    }

    /** The first exception in {@code failure}'s cause chain that {@code recognised} accepts, or {@code null}. */
    static Throwable causeIn(Throwable failure, Predicate<Throwable> recognised) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (recognised.test(cause)) {
                return cause;
            }
        }
        return null;
    }
}
