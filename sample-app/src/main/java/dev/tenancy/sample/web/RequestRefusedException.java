package dev.tenancy.sample.web;

import org.springframework.http.HttpStatus;

/**
 * The application refuses a request for a reason the user can act on; the message says what and what to do, and is
 * shown to them as it is ({@code {"error": "..."}} over HTTP, on standard error for commands). It never contains
 * internal detail such as SQL or schema names a tenant user may not see.
 */
public final class RequestRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused; each reason has its HTTP status. */
    public enum Reason {
        /** The input is missing or malformed. */
        INVALID(HttpStatus.BAD_REQUEST),
        /** The caller may not do this. */
        FORBIDDEN(HttpStatus.FORBIDDEN),
        /** What the request names does not exist. */
        NOT_FOUND(HttpStatus.NOT_FOUND),
        /** The name is taken (a subdomain, a user name). */
        CONFLICT(HttpStatus.CONFLICT),
        /** A limit of the tenant's plan is reached. */
        LIMIT_REACHED(HttpStatus.FORBIDDEN);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        /** The HTTP status answering a request refused for this reason. */
        public HttpStatus status() {
            return status;
        }
    }

    private final Reason reason;

    private RequestRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** The input is missing or malformed. */
    public static RequestRefusedException invalid(String message) {
        return new RequestRefusedException(Reason.INVALID, message);
    }

    /** The caller may not do this. */
    public static RequestRefusedException forbidden(String message) {
        return new RequestRefusedException(Reason.FORBIDDEN, message);
    }

    /** What the request names does not exist. */
    public static RequestRefusedException notFound(String message) {
        return new RequestRefusedException(Reason.NOT_FOUND, message);
    }

    /** The name is taken. */
    public static RequestRefusedException conflict(String message) {
        return new RequestRefusedException(Reason.CONFLICT, message);
    }

    /** A limit of the tenant's plan is reached. */
    public static RequestRefusedException limitReached(String message) {
        return new RequestRefusedException(Reason.LIMIT_REACHED, message);
    }

    /** Why the request was refused. */
    public Reason reason() {
        return reason;
    }
}
