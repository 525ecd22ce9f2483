package dev.tenancy.benchmarks.app.peers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An Apartment-style data source (ros-apartment v4's design): one HikariCP pool per tenant, whose connections have
 * the tenant's schema set once when they are opened, under a global budget of connections. At most
 * {@code budget / poolSize} tenant pools exist at a time; a tenant without one gets a new pool after the least
 * recently used pool with no borrowed connection is closed, and waits while every pool has connections out
 * (admission control). Outside a request, connections come from the application's own pool ({@code public}), which
 * also serves the host lookups and is not counted in the budget.
 */
final class TenantPools extends AbstractDataSource implements AutoCloseable {

    private final HikariDataSource publicPool;
    private final HostSchemas schemas;
    private final int poolSize;
    private final int maxPools;
    /** Tenant pools in least-recently-used order (access order); guarded by itself. */
    private final LinkedHashMap<String, TenantPool> pools = new LinkedHashMap<>(16, 0.75f, true);

    TenantPools(HikariDataSource publicPool, int budget, int poolSize) {
        if (poolSize < 1 || budget < poolSize) {
            throw new IllegalArgumentException("harness.apartment: the budget (" + budget + ") must hold at least one"
                    + " pool of pool-size (" + poolSize + ") connections, and pool-size must be at least 1.");
        }
        this.publicPool = publicPool;
        this.schemas = new HostSchemas(publicPool);
        this.poolSize = poolSize;
        this.maxPools = budget / poolSize;
    }

    @Override
    public Connection getConnection() throws SQLException {
        String schema = schemas.current();
        if (schema == null) {
            return publicPool.getConnection();
        }
        TenantPool pool = borrow(schema);
        try {
            return pool.lend(pool.dataSource.getConnection());
        } catch (SQLException | RuntimeException e) {
            pool.giveBack();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("The per-tenant pools use the application's credentials only.");
    }

    /** The schema's pool with one more connection counted as borrowed; closes LRU pools to make room. */
    private TenantPool borrow(String schema) throws SQLException {
        List<HikariDataSource> closing = new ArrayList<>();
        TenantPool pool;
        synchronized (pools) {
            pool = pools.get(schema);
            while (pool == null) {
                if (pools.size() < maxPools) {
                    pool = new TenantPool(open(schema));
                    pools.put(schema, pool);
                } else if (!evictIdle(closing)) {
                    waitForReturn();
                    pool = pools.get(schema);
                }
            }
            pool.borrowed++;
        }
        closing.forEach(HikariDataSource::close);
        return pool;
    }

    /** Removes the least recently used pool with nothing borrowed; false when every pool has connections out. */
    private boolean evictIdle(List<HikariDataSource> closing) {
        for (Iterator<Map.Entry<String, TenantPool>> lru = pools.entrySet().iterator(); lru.hasNext();) {
            TenantPool candidate = lru.next().getValue();
            if (candidate.borrowed == 0) {
                lru.remove();
                closing.add(candidate.dataSource);
                return true;
            }
        }
        return false;
    }

    private void waitForReturn() throws SQLException {
        try {
            pools.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a tenant pool", e);
        }
    }

    private HikariDataSource open(String schema) {
        HikariConfig config = new HikariConfig();
        publicPool.copyStateTo(config);
        config.setPoolName("tenant-" + schema);
        config.setSchema(schema);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        synchronized (pools) {
            pools.values().forEach(pool -> pool.dataSource.close());
            pools.clear();
        }
        publicPool.close();
    }

    /** One tenant's pool and how many of its connections are out. */
    private final class TenantPool {

        final HikariDataSource dataSource;
        /** Guarded by {@link #pools}. */
        int borrowed;

        TenantPool(HikariDataSource dataSource) {
            this.dataSource = dataSource;
        }

        void giveBack() {
            synchronized (pools) {
                borrowed--;
                pools.notifyAll();
            }
        }

        /** The connection, counted as borrowed from this pool until it is closed (once). */
        Connection lend(Connection connection) {
            AtomicBoolean returned = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            try {
                                connection.close();
                            } finally {
                                if (returned.compareAndSet(false, true)) {
                                    giveBack();
                                }
                            }
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
