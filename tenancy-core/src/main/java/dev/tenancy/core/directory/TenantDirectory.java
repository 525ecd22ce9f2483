package dev.tenancy.core.directory;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Resolves a host name to its tenant, through the application's domain and tenant tables, with a bounded in-memory
 * cache so that a request costs no database round trip in steady state.
 *
 * <p>Matching: the host is {@linkplain #normaliseHost(String) normalised}; an exact match wins; otherwise a
 * leading {@code www.} is ignored. Hosts that match no tenant are cached too, for a shorter time, so a flood of
 * unknown hosts cannot turn into a flood of queries; the cache's size bound keeps memory flat whatever the number
 * of tenants or hosts. Changes made through Tenancy evict the affected entries on the instance that made them, and,
 * on every other instance whose directory {@linkplain #listenForChanges listens for changes}, within about a second;
 * changes made elsewhere are seen after the time-to-live.
 */
public final class TenantDirectory {

    /** The PostgreSQL notification channel on which directory changes are announced. */
    public static final String CHANGE_CHANNEL = DirectoryChangeListener.CHANNEL;

    private final DataSource dataSource;
    private final String lookupSql;
    private final String bySchemaSql;
    private final Cache<String, Optional<TenantRecord>> cache;
    private final LongAdder databaseLookups = new LongAdder();
    private final Function<String, Optional<TenantRecord>> loader = this::load;
    private final AtomicReference<DirectoryChangeListener> listener = new AtomicReference<>();

    private TenantDirectory(Builder builder) {
        this.dataSource = builder.dataSource;
        TenantTables tables = builder.tables;
        this.lookupSql = "SELECT t.id, t.schema_name, t.status, d.domain FROM " + tables.domainTable() + " d JOIN "
                + tables.tenantTable() + " t ON t.id = d.tenant_id WHERE d.domain IN (?, ?)"
                + " ORDER BY (d.domain = ?) DESC LIMIT 1";
        this.bySchemaSql = "SELECT id, schema_name, status FROM " + tables.tenantTable() + " WHERE schema_name = ?";
        Duration found = builder.timeToLive;
        Duration missing = builder.missingTimeToLive;
        this.cache = Caffeine.newBuilder()
                .maximumSize(builder.maximumSize)
                .expireAfter(new Expiry<String, Optional<TenantRecord>>() {
                    @Override
                    public long expireAfterCreate(String host, Optional<TenantRecord> value, long now) {
                        return (value.isPresent() ? found : missing).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String host, Optional<TenantRecord> value, long now, long left) {
                        return expireAfterCreate(host, value, now);
                    }

                    @Override
                    public long expireAfterRead(String host, Optional<TenantRecord> value, long now, long left) {
                        return left;
                    }
                })
                .recordStats()
                .build();
    }

    /** Starts building a directory that reads the tenant tables through {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * The tenant that serves {@code host} (a host name or a {@code Host} header value, port allowed), whatever its
     * status; empty when no tenant has it.
     *
     * @throws InvalidInputException when {@code host} is not a valid host name
     */
    public Optional<TenantRecord> resolve(String host) {
        String normalised = HostNames.normalise(host);
        return cache.get(normalised, loader);
    }

    /** The tenant that owns {@code schema}, read from the database (not cached). */
    public Optional<TenantRecord> findBySchema(SchemaName schema) {
        try (Connection connection = publicConnection();
             PreparedStatement select = connection.prepareStatement(bySchemaSql)) {
            select.setString(1, schema.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not read the tenant table: " + e.getMessage(), e);
        }
    }

    /**
     * A connection on the shared path, whatever the caller's tenant: the tenant tables live in the shared schema,
     * and with tenant roles a tenant's connection may not read them.
     */
    private Connection publicConnection() throws SQLException {
        return dataSource instanceof TenantAwareDataSource tenantAware
                ? tenantAware.getConnection((SchemaName) null) : dataSource.getConnection();
    }

    private Optional<TenantRecord> load(String host) {
        databaseLookups.increment();
        String withoutWww = host.startsWith("www.") ? host.substring(4) : host;
        try (Connection connection = publicConnection();
             PreparedStatement select = connection.prepareStatement(lookupSql)) {
            select.setString(1, host);
            select.setString(2, withoutWww);
            select.setString(3, host);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not look up the tenant of host '" + host + "': " + e.getMessage(), e);
        }
    }

    private static TenantRecord read(ResultSet rows) throws SQLException {
        return new TenantRecord(rows.getLong(1), SchemaName.of(rows.getString(2)),
                TenantStatus.valueOf(rows.getString(3)));
    }

    /**
     * Normalises a host name or a {@code Host} header value the way the directory stores and looks hosts up: lower
     * case, no port, no trailing dot, internationalised names in their ASCII ({@code xn--}) form
     * ({@code Acme.Example.COM.:8443} becomes {@code acme.example.com}).
     *
     * @throws InvalidInputException when the result is not a valid DNS host name
     */
    public static String normaliseHost(String host) {
        return HostNames.normalise(host);
    }

    /** Forgets what is cached for {@code host}; the next lookup reads the database. */
    public void evict(String host) {
        cache.invalidate(HostNames.normalise(host));
        if (!host.startsWith("www.")) {
            cache.invalidate("www." + HostNames.normalise(host));
        }
    }

    /** Forgets every cached host that resolved to {@code schema}. */
    public void evictTenant(SchemaName schema) {
        cache.asMap().entrySet().removeIf(entry -> entry.getValue().map(r -> r.schema().equals(schema)).orElse(false));
    }

    /** Forgets everything cached, including hosts known to match no tenant. */
    public void evictAll() {
        cache.invalidateAll();
    }

    /**
     * Keeps this directory fresh when another instance changes a tenant or a domain: listens on the PostgreSQL channel
     * {@value #CHANGE_CHANNEL}, to which the provisioner {@linkplain #announceChange announces} every change in the
     * transaction that makes it (PostgreSQL delivers it on commit only), and evicts what each announcement names, so
     * every instance sees a change within about a second. Announcements name tenants' schemas and host names only.
     *
     * <p>It keeps one connection of its own, opened by {@code connections} (a plain driver connection, or one
     * borrowed from a pool and kept; with a transaction pooler in between, a direct one), polled on a daemon thread.
     * When that connection fails it forgets everything cached (announcements may have been missed) and opens a new
     * one with growing back-off (100 ms up to 30 s), forgetting everything once more as soon as it listens again;
     * meanwhile the time-to-live still bounds how long an answer can be stale. Returns at once.
     *
     * @param connections opens the connection it keeps; called again after one failed
     * @return the handle whose {@code close()} stops listening and closes the connection
     * @throws IllegalStateException when this directory listens already
     */
    public AutoCloseable listenForChanges(Callable<Connection> connections) {
        DirectoryChangeListener started = DirectoryChangeListener.start(this, connections);
        if (!listener.compareAndSet(null, started)) {
            started.close();
            throw new IllegalStateException("This directory listens for changes already; close the handle "
                    + "listenForChanges returned before starting another.");
        }
        return () -> {
            started.close();
            listener.compareAndSet(started, null);
        };
    }

    /** Whether it {@linkplain #listenForChanges listens for changes} now (false while reconnecting). */
    public boolean listeningForChanges() {
        DirectoryChangeListener current = listener.get();
        return current != null && current.listening();
    }

    /**
     * Announces, inside the transaction open on {@code transaction}, that {@code schema}'s tenant and {@code hosts}
     * changed: every directory that listens evicts them once the transaction commits, and none if it rolls back. The
     * provisioner announces its own changes; call it when the application changes the tenant or domain tables itself.
     */
    public static void announceChange(Connection transaction, SchemaName schema, Collection<String> hosts)
            throws SQLException {
        DirectoryChangeListener.announce(transaction, schema, hosts);
    }

    /** How many lookups went to the database since this directory was built (cache misses). */
    public long databaseLookups() {
        return databaseLookups.sum();
    }

    /** How many lookups the cache answered without the database since this directory was built (cache hits). */
    public long cacheHits() {
        return cache.stats().hitCount();
    }

    /** Builds a {@link TenantDirectory}; every setting has a default. */
    public static final class Builder {

        private final DataSource dataSource;
        private TenantTables tables = TenantTables.defaults();
        private Duration timeToLive = Duration.ofMinutes(1);
        private Duration missingTimeToLive = Duration.ofSeconds(5);
        private long maximumSize = 10_000;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The tenant and domain tables; default {@link TenantTables#defaults()}. */
        public Builder tables(TenantTables tables) {
            this.tables = Objects.requireNonNull(tables, "tables");
            return this;
        }

        /** How long a resolved host stays cached; default one minute. */
        public Builder timeToLive(Duration timeToLive) {
            this.timeToLive = positive(timeToLive, "timeToLive");
            return this;
        }

        /** How long a host that matched no tenant stays cached; default five seconds. */
        public Builder missingTimeToLive(Duration missingTimeToLive) {
            this.missingTimeToLive = positive(missingTimeToLive, "missingTimeToLive");
            return this;
        }

        /** The most hosts kept in the cache; default 10,000. */
        public Builder maximumSize(long maximumSize) {
            if (maximumSize < 0) {
                throw new IllegalArgumentException("maximumSize must not be negative, was " + maximumSize);
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /** Builds the directory. */
        public TenantDirectory build() {
            return new TenantDirectory(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
            }
            return value;
        }
    }

    /**
     * What the directory knows of a tenant: its row id, schema and status.
     *
     * @param id the tenant row's id
     * @param schema the tenant's schema
     * @param status the tenant's lifecycle status
     */
    public record TenantRecord(long id, SchemaName schema, TenantStatus status) {

        /** Checks the fields are present. */
        public TenantRecord {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(status, "status");
        }

        /** Whether requests for this tenant may be served (it is {@link TenantStatus#ACTIVE}). */
        public boolean isServed() {
            return status.isServed();
        }
    }
}
