package dev.tenancy.sample.web;

/** The fixed messages of errors that carry nothing more specific, by HTTP status. */
final class ErrorMessages {

    private ErrorMessages() {
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "Sign in first.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Not found.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This endpoint answers in JSON only.";
            case 415 -> "Send the request body as JSON (Content-Type: application/json).";
            default -> status >= 500 ? "Something went wrong on our side. Try again later."
                    : "The request could not be handled (HTTP " + status + ").";
        };
    }
}
