package dev.tenancy.sample;

import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantListener;
import dev.tenancy.sample.users.AppUser;
import dev.tenancy.sample.users.AppUserRepository;
import dev.tenancy.sample.users.UserAccounts;
import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantTest;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests start from. Every test tenant gets, when it is created, its super admin (user name
 * {@code admin@<label>.example.com}, as {@code register-tenant} makes it) and one regular user ({@code <label>-user}),
 * through the application's own services; the extension's reset restores them after each test. The platform has one
 * super super admin, {@code root}, created on first use.
 */
@TestComponent
public class SampleFixture implements TenantListener {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Credentials ROOT = new Credentials("root", "root-password");

    private final UserAccounts accounts;
    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private boolean rootCreated;

    SampleFixture(UserAccounts accounts, AppUserRepository users, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
    }

    /** A user's credentials. */
    public record Credentials(String username, String password) {

        /** {@code client}'s requests, signed in as this user with HTTP Basic. */
        public TenantClient on(TenantClient client) {
            return client.withBasicAuth(username, password);
        }
    }

    /** The super admin of the tenant {@code client} calls. */
    public static Credentials admin(TenantClient client) {
        return admin(client.domain());
    }

    /** The regular user of the tenant {@code client} calls. */
    public static Credentials user(TenantClient client) {
        return user(client.domain());
    }

    private static Credentials admin(String domain) {
        String label = domain.substring(0, domain.indexOf('.'));
        return new Credentials("admin@" + label + ".example.com", label + "-admin-password");
    }

    private static Credentials user(String domain) {
        String label = domain.substring(0, domain.indexOf('.'));
        return new Credentials(label + "-user", label + "-user-password");
    }

    /** The platform's super super admin, created on first use. */
    public synchronized Credentials root() {
        if (!rootCreated) {
            Tenants.runInPublic(() -> accounts.createSuperSuperAdmin(ROOT.username(), "root@example.com",
                    ROOT.password()));
            rootCreated = true;
        }
        return ROOT;
    }

    /** Calls on the platform host ({@code localhost}) as the super super admin, through any tenant's client. */
    public TenantClient asRoot(TenantClient client) {
        return root().on(client.withHost("localhost"));
    }

    /** A new public user who is no super super admin. */
    public void publicUser(Credentials credentials) {
        Tenants.runInPublic(() -> users.save(new AppUser(credentials.username(), credentials.username()
                + "@example.com", passwords.encode(credentials.password()))));
    }

    /** Gives each test tenant its super admin and regular user, in its new schema. */
    @Override
    public void afterSchemaReady(TenantInfo tenant) {
        if (!tenant.actor().equals(TenantTest.ACTOR)) {
            return;
        }
        Credentials admin = admin(tenant.primaryDomain());
        Credentials user = user(tenant.primaryDomain());
        Tenants.run(tenant.schema(), () -> {
            accounts.createTenantSuperAdmin(admin.username(), admin.password());
            users.save(new AppUser(user.username(), user.username() + "@example.com",
                    passwords.encode(user.password())));
        });
    }

    /** A JSON object of {@code keysAndValues} ({@code "username", "john", "email", ...}), in that order. */
    public static String json(Object... keysAndValues) {
        Map<Object, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(object);
    }
}
