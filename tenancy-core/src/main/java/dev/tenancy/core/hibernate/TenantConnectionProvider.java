package dev.tenancy.core.hibernate;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import org.hibernate.cfg.CacheSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Hibernate's connection provider for schema-per-tenant: a session for tenant T gets a connection pinned to T's
 * {@code search_path} ({@code "T", public, extras}); the {@link TenantIdentifierResolver#PUBLIC public} identifier
 * (and Hibernate's "any connection") get the shared schema only.
 *
 * <p>It declares that it handles the connection schema itself, so Hibernate never calls {@code setSchema}, which
 * would replace the whole search path and drop {@code public}.
 *
 * <p>Caches: entity, collection and natural-id cache keys carry the tenant, and so do query-cache keys (Hibernate 7
 * puts the session's tenant first in the parameter memento of every {@code QueryKey}; a test proves it). The one
 * setting that would let tenants share cache entries, {@code hibernate.cache.keys_factory=simple}, is refused at
 * start-up. Results of stored-procedure calls carry no tenant in their query-cache key: do not mark them cacheable.
 */
final class TenantConnectionProvider implements MultiTenantConnectionProvider<String>,
        ServiceRegistryAwareService {

    private static final long serialVersionUID = 1L;

    private final transient TenantAwareDataSource dataSource;

    /** A provider handing out connections of {@code dataSource}. */
    TenantConnectionProvider(TenantAwareDataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void injectServices(ServiceRegistryImplementor registry) {
        ConfigurationService configuration = registry.getService(ConfigurationService.class);
        if (configuration == null) {
            return;
        }
        String keysFactory = configuration.getSetting(CacheSettings.CACHE_KEYS_FACTORY, StandardConverters.STRING);
        if (keysFactory != null && "simple".equalsIgnoreCase(keysFactory.trim())) {
            throw new TenancyException(CacheSettings.CACHE_KEYS_FACTORY + "=simple builds second-level cache keys "
                    + "without the tenant, so one tenant could be served another's cached entities. Remove the "
                    + "setting (the default keys carry the tenant).");
        }
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection((SchemaName) null);
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantIdentifier) throws SQLException {
        return dataSource.getConnection(TenantIdentifierResolver.toSchema(tenantIdentifier));
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean handlesConnectionSchema() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this) || type.isInstance(dataSource);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isInstance(dataSource)) {
            return type.cast(dataSource);
        }
        throw new IllegalArgumentException("Cannot unwrap " + getClass().getName() + " as " + type.getName());
    }
}
