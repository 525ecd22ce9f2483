package dev.tenancy.sample.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import java.time.Instant;

/**
 * A user account. The table is unqualified on purpose: {@code app_users} exists in {@code public} (platform
 * administrators) and in every tenant schema (that tenant's users), and each request reads the one of its own
 * schema. The password is a one-way hash ({@code {bcrypt}...}); it never leaves the application.
 */
@Entity
@Table(name = "app_users")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 150)
    private String username;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "password", nullable = false)
    private String passwordHash;

    @Column(name = "first_name", nullable = false, length = 150)
    private String firstName = "";

    @Column(name = "last_name", nullable = false, length = 150)
    private String lastName = "";

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "date_joined", nullable = false, insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    private Instant dateJoined;

    protected AppUser() {
    }

    /** A new, active user; {@code passwordHash} is already encoded. */
    public AppUser(String username, String email, String passwordHash) {
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    /** The encoded password, for authentication only. */
    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    /** Sets the first and last names (empty when not given). */
    public void setNames(String firstName, String lastName) {
        this.firstName = firstName == null ? "" : firstName;
        this.lastName = lastName == null ? "" : lastName;
    }

    public boolean isActive() {
        return active;
    }

    /** Stops the user from signing in; their account and data are kept. */
    public void deactivate() {
        this.active = false;
    }

    public Instant getDateJoined() {
        return dateJoined;
    }
}
