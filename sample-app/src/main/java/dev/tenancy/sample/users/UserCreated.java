package dev.tenancy.sample.users;

/**
 * The answer to {@code POST /api/users/}, as in the requirements.
 *
 * @param status always {@code success}
 * @param userId the new user's id
 * @param username their user name
 */
public record UserCreated(String status, long userId, String username) {
}
