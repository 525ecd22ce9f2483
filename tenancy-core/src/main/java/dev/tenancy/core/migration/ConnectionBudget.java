package dev.tenancy.core.migration;

import dev.tenancy.core.TenancyException;

import com.zaxxer.hikari.HikariConfigMXBean;

import java.sql.SQLException;
import java.util.OptionalInt;

import javax.sql.DataSource;

/**
 * How many schemas may migrate at once without waiting for connections: each migrating schema holds one connection,
 * and the run holds one more for its lock. The pool's size is read from HikariCP when the data source is (or wraps)
 * a Hikari pool; otherwise the configured parallelism is trusted.
 */
final class ConnectionBudget {

    private static final boolean HIKARI = present("com.zaxxer.hikari.HikariConfigMXBean");

    private ConnectionBudget() {
    }

    /** The number of workers for a run: {@code parallelism}, capped by the pool's size minus the lock's connection. */
    static int workers(DataSource dataSource, int parallelism) {
        OptionalInt poolSize = maximumPoolSize(dataSource);
        if (poolSize.isEmpty()) {
            return parallelism;
        }
        int available = poolSize.getAsInt() - 1;
        if (available < 1) {
            throw new TenancyException("The connection pool allows " + poolSize.getAsInt() + " connection(s); "
                    + "migrating needs at least 2 (one holds the run's lock). Give the migrator a larger pool.");
        }
        return Math.min(parallelism, available);
    }

    private static OptionalInt maximumPoolSize(DataSource dataSource) {
        if (!HIKARI) {
            return OptionalInt.empty();
        }
        try {
            if (dataSource.isWrapperFor(HikariConfigMXBean.class)) {
                return OptionalInt.of(dataSource.unwrap(HikariConfigMXBean.class).getMaximumPoolSize());
            }
        } catch (SQLException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ConnectionBudget.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
