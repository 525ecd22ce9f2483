package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.provisioning.TenantProvisioner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenancy's settings, under {@code tenancy.*}. Every setting has a default that suits an application following the
 * requirements' layout: {@code public.tenants} / {@code public.domains}, shared migrations in
 * {@code db/migration/shared}, tenant migrations in {@code db/migration/tenant}, tenants served by host name.
 */
@ConfigurationProperties("tenancy")
public class TenancyProperties {

    /**
     * Whether Tenancy is on. When false none of its beans exist: the DataSource is not wrapped, no request filter
     * runs, and Spring Boot's own Flyway auto-migration works as usual.
     */
    private boolean enabled = true;

    /**
     * Parent domain of tenants' subdomains, e.g. "example.com": a tenant created with the subdomain "acme" (the
     * provisioner, "create-tenant --subdomain=acme") gets the schema tenant_acme and the primary domain
     * "acme.example.com", and "create-domain --subdomain=acme" registers that host. The default, "localhost", suits
     * development: browsers resolve acme.localhost to this machine.
     */
    private String domainSuffix = "localhost";

    private final Tables tables = new Tables();

    private final Schemas schemas = new Schemas();

    private final Directory directory = new Directory();

    @NestedConfigurationProperty
    private final TenancyWebProperties web = new TenancyWebProperties();

    @NestedConfigurationProperty
    private final TenancyMigrationProperties migrations = new TenancyMigrationProperties();

    private final Provisioning provisioning = new Provisioning();

    private final Commands commands = new Commands();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDomainSuffix() {
        return domainSuffix;
    }

    public void setDomainSuffix(String domainSuffix) {
        this.domainSuffix = domainSuffix;
    }

    public Tables getTables() {
        return tables;
    }

    public Schemas getSchemas() {
        return schemas;
    }

    public Directory getDirectory() {
        return directory;
    }

    public TenancyWebProperties getWeb() {
        return web;
    }

    public TenancyMigrationProperties getMigrations() {
        return migrations;
    }

    public Provisioning getProvisioning() {
        return provisioning;
    }

    public Commands getCommands() {
        return commands;
    }

    /** Where the application keeps its tenant and domain rows (its TenantMixin and DomainMixin entities). */
    public static class Tables {

        /** Table of the tenant entity, optionally schema-qualified; unqualified names are looked up in public. */
        private String tenant = "public.tenants";

        /** Table of the domain entity, optionally schema-qualified; unqualified names are looked up in public. */
        private String domain = "public.domains";

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }

        public String getDomain() {
            return domain;
        }

        public void setDomain(String domain) {
            this.domain = domain;
        }
    }

    /** The schemas around tenant schemas. */
    public static class Schemas {

        /**
         * Schema holding the shared tables (tenants, domains and every entity mapped to it). It follows the
         * tenant's schema in each connection's search_path, so tenant code sees shared tables too.
         */
        private String shared = "public";

        /** Schemas searched after the shared one, in order, e.g. one that holds extensions. */
        private List<String> extra = new ArrayList<>();

        /** Names no tenant schema may take, on top of public, information_schema and the pg_ prefix. */
        private List<String> reserved = new ArrayList<>();

        /**
         * Whether prepared statements run inside a tenant start with an SQL comment naming the tenant's
         * schema, so that each tenant's statements keep their own plans in pgjdbc and
         * PostgreSQL instead of being re-planned whenever a pooled connection changes tenant. The comment also shows
         * the tenant in pg_stat_activity and PostgreSQL's logs.
         */
        private boolean labelStatements = true;

        /**
         * With labelled statements, the size of pgjdbc's statement cache per connection
         * ({@code preparedStatementCacheQueries}, pgjdbc's default 256) that Tenancy sets on the pool Spring Boot
         * builds unless the application sets it: a connection needs an entry per statement and tenant it serves.
         * 0 leaves pgjdbc's default.
         */
        private int statementCacheQueries = 2048;

        /** Likewise {@code preparedStatementCacheSizeMiB} (pgjdbc's default 5); 0 leaves pgjdbc's default. */
        private int statementCacheSizeMib = 32;

        public int getStatementCacheQueries() {
            return statementCacheQueries;
        }

        public void setStatementCacheQueries(int statementCacheQueries) {
            this.statementCacheQueries = statementCacheQueries;
        }

        public int getStatementCacheSizeMib() {
            return statementCacheSizeMib;
        }

        public void setStatementCacheSizeMib(int statementCacheSizeMib) {
            this.statementCacheSizeMib = statementCacheSizeMib;
        }

        public boolean isLabelStatements() {
            return labelStatements;
        }

        public void setLabelStatements(boolean labelStatements) {
            this.labelStatements = labelStatements;
        }

        public String getShared() {
            return shared;
        }

        public void setShared(String shared) {
            this.shared = shared;
        }

        public List<String> getExtra() {
            return extra;
        }

        public void setExtra(List<String> extra) {
            this.extra = extra;
        }

        public List<String> getReserved() {
            return reserved;
        }

        public void setReserved(List<String> reserved) {
            this.reserved = reserved;
        }
    }

    /** The host-to-tenant cache in front of the domain table. */
    public static class Directory {

        /** How long a host that resolved to a tenant stays cached; changes made elsewhere show after this. */
        private Duration timeToLive = Duration.ofMinutes(1);

        /** How long a host that matched no tenant stays cached. */
        private Duration missingTimeToLive = Duration.ofSeconds(5);

        /** The most hosts kept in the cache. */
        private long maximumSize = 10_000;

        public Duration getTimeToLive() {
            return timeToLive;
        }

        public void setTimeToLive(Duration timeToLive) {
            this.timeToLive = timeToLive;
        }

        public Duration getMissingTimeToLive() {
            return missingTimeToLive;
        }

        public void setMissingTimeToLive(Duration missingTimeToLive) {
            this.missingTimeToLive = missingTimeToLive;
        }

        public long getMaximumSize() {
            return maximumSize;
        }

        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }
    }

    /** Creating, deleting, renaming and cloning tenants (the TenantProvisioner and its commands). */
    public static class Provisioning {

        /**
         * Whether new tenant schemas are cloned from a migrated template schema, which is much faster than running
         * every tenant migration for each new tenant. When false, each new schema is built by its migrations.
         */
        private boolean useTemplate = true;

        /** Name of the template schema; it is reserved, no tenant may take it. */
        private String templateSchema = "_tenancy_template";

        /**
         * Subdomains no tenant may take, compared case-insensitively; setting it replaces the defaults (www, admin,
         * api, app, auth, login, mail, smtp, imap, pop, ftp, ns1, ns2, localhost, static, assets, cdn, docs, status,
         * support, blog). www is refused whatever this says.
         */
        private List<String> reservedSubdomains = new ArrayList<>(TenantProvisioner.DEFAULT_RESERVED_SUBDOMAINS);

        /** Whether every change (who, when, what, outcome) is recorded in the shared schema's tenancy_audit table. */
        private boolean audit = true;

        public boolean isUseTemplate() {
            return useTemplate;
        }

        public void setUseTemplate(boolean useTemplate) {
            this.useTemplate = useTemplate;
        }

        public String getTemplateSchema() {
            return templateSchema;
        }

        public void setTemplateSchema(String templateSchema) {
            this.templateSchema = templateSchema;
        }

        public List<String> getReservedSubdomains() {
            return reservedSubdomains;
        }

        public void setReservedSubdomains(List<String> reservedSubdomains) {
            this.reservedSubdomains = reservedSubdomains;
        }

        public boolean isAudit() {
            return audit;
        }

        public void setAudit(boolean audit) {
            this.audit = audit;
        }
    }

    /** Commands run as "java -jar app.jar COMMAND [--options]". */
    public static class Commands {

        /**
         * Whether the first argument that is not an --option names a command to run instead of serving. Turn off
         * when the application reads positional arguments itself.
         */
        private boolean enabled = true;

        /**
         * Whether the JVM exits with the command's exit code once it has run. Tests turn this off and read the code
         * with SpringApplication.exit(context).
         */
        private boolean exitWhenDone = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isExitWhenDone() {
            return exitWhenDone;
        }

        public void setExitWhenDone(boolean exitWhenDone) {
            this.exitWhenDone = exitWhenDone;
        }
    }
}
