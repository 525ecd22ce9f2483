package dev.tenancy.sample;

import dev.tenancy.core.Tenants;
import dev.tenancy.sample.tenants.RegisteredTenant;
import dev.tenancy.sample.tenants.TenantApplication;
import dev.tenancy.sample.tenants.TenantRegistration;
import dev.tenancy.sample.users.AppUser;
import dev.tenancy.sample.users.AppUserRepository;
import dev.tenancy.sample.users.UserAccounts;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/**
 * What the tests start from: platform administrators and tenants with their admins, created through the
 * application's own services under names no other test uses, and a client for the running server.
 */
@TestComponent
public class SampleFixture {

    private final TenantRegistration registration;
    private final UserAccounts accounts;
    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final Environment environment;

    SampleFixture(TenantRegistration registration, UserAccounts accounts, AppUserRepository users,
            PasswordEncoder passwords, Environment environment) {
        this.registration = registration;
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
        this.environment = environment;
    }

    /** A user's credentials. */
    public record Credentials(String username, String password) {
    }

    /** A registered tenant and its super admin. */
    public record TestTenant(long id, String subdomain, String schema, String host, Credentials admin) {
    }

    /** A client of the running server. */
    public SampleClient client() {
        return new SampleClient(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    /** A new super super admin. */
    public Credentials superSuperAdmin() {
        Credentials credentials = new Credentials(Names.username("root"), "root-password");
        Tenants.runInPublic(() -> accounts.createSuperSuperAdmin(credentials.username(),
                credentials.username() + "@example.com", credentials.password()));
        return credentials;
    }

    /** A new public user who is no super super admin. */
    public void publicUser(Credentials credentials) {
        Tenants.runInPublic(() -> users.save(new AppUser(credentials.username(), credentials.username()
                + "@example.com", passwords.encode(credentials.password()))));
    }

    /** A new tenant, registered as {@code register-tenant} does. */
    public TestTenant tenant(String prefix) {
        String subdomain = Names.subdomain(prefix);
        Credentials admin = new Credentials("admin@" + subdomain + ".example.com", "admin-password");
        RegisteredTenant tenant = Tenants.callInPublic(() -> registration.register(new TenantApplication(
                prefix + " Inc.", subdomain, admin.username(), admin.password(), null), "test"));
        return new TestTenant(tenant.id(), subdomain, tenant.schemaName(), tenant.domain(), admin);
    }

    /** A new regular user of {@code tenant}, created through its admin over HTTP. */
    public Credentials user(TestTenant tenant, String prefix) {
        Credentials user = new Credentials(Names.username(prefix), prefix + "-password");
        SampleClient.Response created = client().on(tenant.host()).as(tenant.admin().username(),
                tenant.admin().password()).post("/api/users/", Map.of("username", user.username(),
                "email", prefix + "@example.com", "password", user.password()));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create a user: " + created);
        }
        return user;
    }
}
