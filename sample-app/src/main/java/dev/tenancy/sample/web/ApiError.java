package dev.tenancy.sample.web;

/**
 * The body of every refusal: {@code {"error": "..."}}, a message the caller can act on.
 *
 * @param error what was wrong and, where it helps, what to do
 */
public record ApiError(String error) {
}
