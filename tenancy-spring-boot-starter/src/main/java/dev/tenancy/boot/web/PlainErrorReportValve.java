package dev.tenancy.boot.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer to a request the embedded Tomcat refuses itself, before any filter of the application runs: several
 * {@code Host} headers, a {@code Host} that is not a host name, none on HTTP/1.1, an absolute request URI whose host
 * differs from {@code Host}, an encoded slash or NUL in the path. Instead of Tomcat's bare "HTTP Status 400 – Bad
 * Request" page, such a request gets the starter's usual refusal: {@code {"error": "..."}} saying what was wrong and
 * what to do, or the {@link RefusalPage} for browsers; never a stack trace or the server's version. An error the
 * application answered itself is left alone: the valve writes only when nothing has been written.
 */
public final class PlainErrorReportValve extends ErrorReportValve {

    /** The message of a 400 answered by Tomcat. */
    public static final String BAD_REQUEST = "The request was refused before it reached the application: send "
            + "exactly one Host header holding a host name (optionally with a port) that matches the host of an "
            + "absolute request URI, and a path without encoded slashes or NUL characters.";

    private static final System.Logger LOG = System.getLogger(PlainErrorReportValve.class.getName());

    private final ErrorResponses refusals;

    /** Refusals whose HTML pages {@code page} renders. */
    public PlainErrorReportValve(RefusalPage page) {
        this.refusals = new ErrorResponses(Objects.requireNonNull(page, "page"));
    }

    /**
     * Puts a valve rendering with {@code page} on {@code host} in place of its error report valves (Tomcat's default
     * and the one Spring Boot adds), and tells a standard host not to add Tomcat's again when it starts.
     */
    public static void install(Host host, RefusalPage page) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new PlainErrorReportValve(page));
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(PlainErrorReportValve.class.getName());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            refusals.write(request, response, status, message(status));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not write the refusal of a request Tomcat refused", e);
        }
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 404 -> "Nothing is served at this address.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request is too large.";
            case 414 -> "The request URI is too long.";
            case 431 -> "The request's headers are too large.";
            case 503 -> "The service is temporarily unavailable. Try again shortly.";
            default -> "The request could not be served (HTTP status " + status + ").";
        };
    }
}
