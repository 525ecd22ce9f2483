package dev.tenancy.sample.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure in a controller into {@code {"error": "..."}} with the right status. Refusals carry their own
 * message; anything unexpected is logged here and answered with 500 and a message without internal detail (no
 * stack trace, SQL or schema name ever reaches the caller).
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<ApiError> refused(RequestRefusedException e) {
        return ResponseEntity.status(e.reason().status()).body(new ApiError(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("The request body must be a JSON object with the "
                + "documented fields and types."));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ApiError("'" + e.getName() + "' has an invalid value."));
    }

    @ExceptionHandler
    ResponseEntity<ApiError> other(Exception e) {
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            return ResponseEntity.status(status).body(new ApiError(ErrorMessages.forStatus(status.value())));
        }
        log.error("Request failed", e);
        return ResponseEntity.internalServerError().body(new ApiError(ErrorMessages.forStatus(500)));
    }
}
