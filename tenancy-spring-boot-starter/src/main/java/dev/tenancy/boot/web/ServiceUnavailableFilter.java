package dev.tenancy.boot.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * Answers 503 with a fixed message when the rest of the chain throws an exception whose cause chain holds one that
 * {@code recognised} accepts; logs that cause once as a warning; lets every other failure, and any failure after the
 * response was committed, pass on unchanged. Async dispatches are covered too.
 */
abstract class ServiceUnavailableFilter extends OncePerRequestFilter {

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
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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
