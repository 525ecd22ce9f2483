package dev.tenancy.sample.users;

import dev.tenancy.sample.web.RequestRefusedException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user to create, as {@code POST /api/users/} receives it.
 *
 * @param username required; letters, digits and {@code @.+-_}, at most 150 characters
 * @param email required
 * @param password required; at most 72 bytes (what BCrypt hashes)
 * @param firstName optional
 * @param lastName optional
 */
public record NewUser(String username, String email, String password, String firstName, String lastName) {

    private static final Pattern USERNAME = Pattern.compile("[\\w.@+-]{1,150}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * Checks every field.
     *
     * @throws RequestRefusedException (invalid) naming every problem found
     */
    public NewUser validated() {
        Map<String, String> problems = problems();
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(String.join(" ", problems.values()));
        }
        return this;
    }

    /**
     * What is wrong with the user, by field ({@code username}, {@code email}, {@code password},
     * {@code first_name}), in that order; empty when it is valid.
     */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.put("username", "username is required: up to 150 letters, digits and @ . + - _.");
        }
        List<String> found = new ArrayList<>();
        checkEmail("email", email, found);
        found.forEach(problem -> problems.put("email", problem));
        found.clear();
        checkPassword("password", password, found);
        found.forEach(problem -> problems.put("password", problem));
        if (firstName != null && firstName.length() > 150 || lastName != null && lastName.length() > 150) {
            problems.put("first_name", "first_name and last_name may have up to 150 characters.");
        }
        return problems;
    }

    /** Adds a problem when {@code value} is not an e-mail address. */
    public static void checkEmail(String field, String value, List<String> problems) {
        if (value == null || value.length() > 254 || !EMAIL.matcher(value).matches()) {
            problems.add(field + " must be an e-mail address, e.g. admin@example.com.");
        }
    }

    /** Adds a problem when {@code value} is not an acceptable password. */
    public static void checkPassword(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required.");
        } else if (value.getBytes(StandardCharsets.UTF_8).length > 72) {
            problems.add(field + " may have up to 72 bytes.");
        }
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", email=" + email + "]";
    }
}
