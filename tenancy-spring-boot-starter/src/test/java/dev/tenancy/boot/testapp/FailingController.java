package dev.tenancy.boot.testapp;

import dev.tenancy.core.Tenants;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that fail: one with an exception no handler takes (so the servlet container dispatches to the error
 * page), one with an exception its {@code @ExceptionHandler} answers, naming the tenant it runs in.
 */
@RestController
class FailingController {

    @GetMapping("/failing")
    String failing() {
        throw new IllegalStateException("This endpoint always fails.");
    }

    @GetMapping("/failing/handled")
    String failingHandled() {
        throw new HandledFailure();
    }

    @ExceptionHandler(HandledFailure.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String handled() {
        return "handled in " + Tenants.current().map(Object::toString).orElse("public");
    }

    private static final class HandledFailure extends RuntimeException {
    }
}
