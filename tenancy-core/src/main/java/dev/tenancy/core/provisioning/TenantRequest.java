package dev.tenancy.core.provisioning;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantDirectory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to create: a tenant named by its subdomain (the usual case) or by an explicit schema name, its domains, values
 * for the application's own tenant columns, application set-up steps, and who asks.
 *
 * <pre>{@code
 * TenantRequest.subdomain("acme")                       // schema tenant_acme, domain acme.<suffix> (primary)
 *         .domain("acme.example.com")                   // more host names, in order
 *         .value("name", "Acme Corp")                   // the application's columns of the tenant table
 *         .setUp(tenant -> users.createAdmin(email, password))
 *         .actor("alice@example.com");
 * }</pre>
 *
 * <p>Nothing is checked until the provisioner receives the request; then every input is checked before anything is
 * written.
 */
public final class TenantRequest {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final String subdomain;
    private final String schema;
    private final List<String> domains = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<TenantSetup> setUps = new ArrayList<>();
    private boolean autoDropSchema;
    private String actor = "system";

    private TenantRequest(String subdomain, String schema) {
        this.subdomain = subdomain;
        this.schema = schema;
    }

    /**
     * A tenant named by its subdomain (a DNS label, compared case-insensitively); the provisioner's
     * {@link TenantNaming} gives its schema and its primary domain.
     */
    public static TenantRequest subdomain(String subdomain) {
        return new TenantRequest(Objects.requireNonNull(subdomain, "subdomain"), null);
    }

    /** A tenant named by its schema; its domains are only those added with {@link #domain(String)}. */
    public static TenantRequest schema(String schemaName) {
        return new TenantRequest(null, Objects.requireNonNull(schemaName, "schemaName"));
    }

    /** Adds a host name; the first domain of the tenant (the naming's default one, if any) is primary. */
    public TenantRequest domain(String host) {
        domains.add(Objects.requireNonNull(host, "host"));
        return this;
    }

    /**
     * Sets a value for one of the application's columns of the tenant table (e.g. {@code name}). Strings are
     * converted by PostgreSQL to the column's type, so form input can be passed as it is.
     */
    public TenantRequest value(String column, Object value) {
        values.put(Objects.requireNonNull(column, "column"), value);
        return this;
    }

    /** Sets several column values; see {@link #value(String, Object)}. */
    public TenantRequest values(Map<String, ?> columnValues) {
        columnValues.forEach(this::value);
        return this;
    }

    /** Whether deleting the tenant later drops its schema (the tenant row's {@code auto_drop_schema}); default no. */
    public TenantRequest autoDropSchema(boolean autoDropSchema) {
        this.autoDropSchema = autoDropSchema;
        return this;
    }

    /** Adds an application set-up step, run inside the new tenant's context after its schema is ready. */
    public TenantRequest setUp(TenantSetup step) {
        setUps.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /** Who asks, for the audit (a user name, {@code cli}, ...); default {@code system}. */
    public TenantRequest actor(String actor) {
        this.actor = Objects.requireNonNull(actor, "actor");
        return this;
    }

    /** Checks everything that can be checked without the database. */
    NewTenant validate(TenantNaming naming, Collection<String> reservedSchemas, Set<String> reservedSubdomains) {
        SchemaName schemaName;
        List<String> hosts = new ArrayList<>();
        if (subdomain != null) {
            String label = subdomain.toLowerCase(Locale.ROOT);
            if (!DNS_LABEL.matcher(label).matches()) {
                throw new InvalidInputException("'" + printable(subdomain) + "' is not a valid subdomain: "
                        + "use 1-63 letters, digits and hyphens, not starting or ending with a hyphen.");
            }
            if (label.equals("www")) {
                throw new InvalidInputException("The subdomain 'www' is reserved: www.<host> is served as "
                        + "<host>, so a tenant there would be unreachable or mistaken for the site itself. Choose "
                        + "another.");
            }
            if (reservedSubdomains.contains(label)) {
                throw new InvalidInputException("The subdomain '" + label + "' is reserved. Choose another.");
            }
            schemaName = SchemaName.of(naming.schemaFor(label).value(), reservedSchemas);
            hosts.add(naming.domainFor(label));
        } else {
            schemaName = SchemaName.of(schema, reservedSchemas);
        }
        hosts.addAll(domains);
        Set<String> normalised = new LinkedHashSet<>();
        for (String host : hosts) {
            normalised.add(TenantDirectory.normaliseHost(host));
        }
        return new NewTenant(schemaName, List.copyOf(normalised),
                Collections.unmodifiableMap(new LinkedHashMap<>(values)), autoDropSchema, List.copyOf(setUps), actor);
    }

    String actor() {
        return actor;
    }

    /** What the request names, for the audit of a rejected request. */
    String describe() {
        return subdomain != null ? "subdomain " + printable(subdomain) : "schema " + printable(schema);
    }

    private static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** A request whose names are valid; the database checks come next. */
    record NewTenant(SchemaName schema, List<String> domains, Map<String, Object> values, boolean autoDropSchema,
            List<TenantSetup> setUps, String actor) {
    }

    /**
     * An application's own step in creating a tenant, such as creating the tenant's admin user. It runs after the
     * tenant's schema is ready and inside the new tenant's context ({@link dev.tenancy.core.Tenants#run}), so the
     * application's tenant-aware {@code DataSource} or JPA repositories reach the new schema.
     *
     * <p>Throwing rolls the whole creation back. Secrets such as an initial password belong in the step's own
     * closure: Tenancy never sees, logs or stores them; keep them out of exception messages too, since a failure's
     * message is written to the audit.
     */
    @FunctionalInterface
    public interface TenantSetup {

        /** Sets the new tenant up; runs as {@code tenant.schema()}. */
        void setUp(TenantInfo tenant) throws Exception;
    }

    /**
     * Turns a subdomain (what a customer picks at sign-up) into the tenant's schema name and default host name.
     *
     * <p>The provisioner hands in subdomains already checked as DNS labels and lower-cased, so {@code Acme} and
     * {@code acme} are the same tenant. The schema name returned is checked again against the reserved names.
     */
    public interface TenantNaming {

        /** The schema of the tenant with this subdomain. */
        SchemaName schemaFor(String subdomain);

        /** The tenant's default (primary) host name for this subdomain. */
        String domainFor(String subdomain);

        /**
         * The requirements' convention: schema {@code tenant_<subdomain>} (hyphens become underscores, which keeps
         * names distinct because DNS labels have no underscores) and domain {@code <subdomain>.<domainSuffix>}, e.g.
         * {@code demo.localhost} in development or {@code demo.example.com} in production.
         *
         * @throws dev.tenancy.core.directory.InvalidInputException when the suffix is not a valid host name
         */
        static TenantNaming conventional(String domainSuffix) {
            String suffix = TenantDirectory.normaliseHost(domainSuffix);
            return new TenantNaming() {
                @Override
                public SchemaName schemaFor(String subdomain) {
                    return SchemaName.of("tenant_" + subdomain.replace('-', '_'));
                }

                @Override
                public String domainFor(String subdomain) {
                    return subdomain + "." + suffix;
                }

                @Override
                public String toString() {
                    return "TenantNaming.conventional(" + suffix + ")";
                }
            };
        }
    }
}
