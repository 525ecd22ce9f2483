package dev.tenancy.sample.users;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A user as the API shows them; never the password.
 *
 * @param id the user's id in their schema
 * @param username their user name
 * @param email their e-mail address
 * @param firstName first name, may be empty
 * @param lastName last name, may be empty
 * @param active whether they may sign in
 * @param dateJoined when the account was created
 */
public record UserView(long id, String username, String email, String firstName, String lastName,
        @JsonProperty("is_active") boolean active, Instant dateJoined) {

    static UserView of(AppUser user) {
        return new UserView(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), user.isActive(), user.getDateJoined());
    }
}
