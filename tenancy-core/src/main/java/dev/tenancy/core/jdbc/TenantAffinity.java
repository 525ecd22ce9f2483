package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Tenant-affine reuse of one HikariCP pool's connections: a connection a tenant connection gives back with its
 * tenant's path set and committed is <em>parked</em> for a short while instead of going back to HikariCP, still
 * checked out of the pool, so that the next request of the same tenant gets it with the path already in force and
 * needs no {@code set_config} round trip.
 *
 * <p><b>Why parking, not remembering.</b> The path this library last set on a physical connection can only be
 * trusted if nothing it cannot see used that connection since. A connection back in HikariCP can be borrowed by
 * anyone (the library's own migrations and provisioning, code using the raw pool, other wrappers), and HikariCP's
 * reset on return may run SQL on it; on PostgreSQL 17 nothing tells what they did. A parked connection never left the
 * pool's "in use" set, so no one else could touch it: its path is exactly what its last tenant connection left, and
 * that connection parks it only when its bookkeeping knows the path ({@code SET}, committed) and nothing uncertain
 * happened ({@link Lease#reusable}). A connection that goes back to HikariCP is forgotten: the next lease starts
 * unknown.
 *
 * <p><b>One budget.</b> Parked connections count against HikariCP's maximum pool size, which stays the hard limit on
 * connections. A connection is not parked, but given back, when a thread waits for one in HikariCP; a request for
 * another tenant takes the longest-parked connection (and sets its own path) when HikariCP has none idle; a parked
 * connection goes back to HikariCP after {@code idleTimeout} unused, or within a few milliseconds when a thread
 * starts waiting in HikariCP (a background thread sees to both), and every
 * connection after {@code maxHold} since it left HikariCP, so the pool's own housekeeping (its {@code maxLifetime},
 * which bounds a backend's catalogue memory) still applies. What is parked is at most the pool's size, never a
 * structure per tenant: memory stays flat whatever the number of tenants.
 */
final class TenantAffinity {

    /** How often, at most, parked connections are looked at for threads waiting in HikariCP. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final DataSource pool;
    private final long idleNanos;
    private final long maxHoldNanos;
    private final ArrayDeque<Lease> parked = new ArrayDeque<>();
    private final ScheduledThreadPoolExecutor sweeper;
    private final LongAdder hits = new LongAdder();
    private volatile HikariPoolMXBean hikari;
    private boolean sweepScheduled;

    private TenantAffinity(DataSource pool, Duration idleTimeout, Duration maxHold) {
        this.pool = pool;
        this.idleNanos = idleTimeout.toNanos();
        this.maxHoldNanos = maxHold.toNanos();
        this.sweeper = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "tenancy-affinity-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        this.sweeper.setKeepAliveTime(1, TimeUnit.SECONDS);
        this.sweeper.allowCoreThreadTimeOut(true);
        this.sweeper.setRemoveOnCancelPolicy(true);
    }

    /** Tenant affinity in front of {@code pool}, which must be (or wrap) a HikariCP pool. */
    static TenantAffinity over(DataSource pool, Duration idleTimeout, Duration maxHold) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The tenant-affinity idle timeout must be positive, was " + idleTimeout);
        }
        if (maxHold == null || maxHold.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("The tenant-affinity maximum hold must be at least the idle timeout ("
                    + idleTimeout + "), was " + maxHold);
        }
        if (!hikariPresent() || !wrapsHikari(pool)) {
            throw new IllegalArgumentException("Tenant affinity needs a HikariCP pool (it reads how many threads wait "
                    + "for a connection, to park none while they do); the data source is " + pool
                    + ". Use HikariCP or leave tenant affinity off.");
        }
        return new TenantAffinity(pool, idleTimeout, maxHold);
    }

    /** How many connections were handed out parked with the path of the tenant they were asked for. */
    long hits() {
        return hits.sum();
    }

    /** How many connections are parked now. */
    synchronized int parkedCount() {
        return parked.size();
    }

    /**
     * A connection for {@code tenant} ({@code null}: the shared schema): the one parked last with that tenant's path,
     * else, when HikariCP has no idle connection, the one parked longest (its path known, another tenant's), else a
     * fresh lease from HikariCP, whose path is unknown.
     */
    Lease take(SchemaName tenant) throws SQLException {
        synchronized (this) {
            Iterator<Lease> newestFirst = parked.descendingIterator();
            while (newestFirst.hasNext()) {
                Lease lease = newestFirst.next();
                if (Objects.equals(lease.pathTenant, tenant)) {
                    newestFirst.remove();
                    hits.increment();
                    return lease;
                }
            }
            if (!parked.isEmpty() && idleInPool() == 0) {
                return parked.pollFirst();
            }
        }
        Connection physical = pool.getConnection();
        try {
            return new Lease(this, physical, System.nanoTime());
        } catch (SQLException | RuntimeException e) {
            try {
                physical.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Parks {@code lease} with {@code tenant}'s path, or gives it back to HikariCP when it has been out of the pool
     * for the maximum hold or a thread waits for a connection.
     */
    void park(Lease lease, SchemaName tenant) throws SQLException {
        if (System.nanoTime() - lease.leasedAt >= maxHoldNanos || waitingInPool() > 0) {
            lease.release();
            return;
        }
        synchronized (this) {
            lease.pathTenant = tenant;
            lease.parkedAt = System.nanoTime();
            parked.addLast(lease);
            scheduleSweep(idleNanos);
        }
        if (waitingInPool() > 0) {
            releaseOldest();
        }
    }

    private void releaseOldest() throws SQLException {
        Lease oldest;
        synchronized (this) {
            oldest = parked.pollFirst();
        }
        if (oldest != null) {
            oldest.release();
        }
    }

    /**
     * Gives back to HikariCP every connection parked for the idle timeout or longer, and the longest-parked ones while
     * threads wait in HikariCP (a thread that began waiting just after a connection was parked, e.g. the library's
     * own work on the raw pool); runs every {@link #TICK_NANOS} (at most) while anything is parked.
     */
    private void sweep() {
        int waiting;
        try {
            waiting = waitingInPool();
        } catch (SQLException | RuntimeException e) {
            waiting = Integer.MAX_VALUE;
        }
        while (true) {
            Lease expired;
            synchronized (this) {
                sweepScheduled = false;
                Lease oldest = parked.peekFirst();
                if (oldest == null) {
                    return;
                }
                long idleFor = System.nanoTime() - oldest.parkedAt;
                if (idleFor < idleNanos && waiting <= 0) {
                    scheduleSweep(idleNanos - idleFor);
                    return;
                }
                waiting--;
                expired = parked.pollFirst();
            }
            try {
                expired.release();
            } catch (SQLException | RuntimeException e) {
                // HikariCP evicts a connection it cannot take back; nothing is left to undo here.
            }
        }
    }

    /** Called under the lock. */
    private void scheduleSweep(long delayNanos) {
        if (!sweepScheduled) {
            sweepScheduled = true;
            sweeper.schedule(this::sweep, Math.min(Math.max(delayNanos, 0), TICK_NANOS), TimeUnit.NANOSECONDS);
        }
    }

    private int idleInPool() throws SQLException {
        HikariPoolMXBean bean = bean();
        return bean == null ? 0 : bean.getIdleConnections();
    }

    private int waitingInPool() throws SQLException {
        HikariPoolMXBean bean = bean();
        return bean == null ? 0 : bean.getThreadsAwaitingConnection();
    }

    /** HikariCP's pool statistics; {@code null} until the pool has started (it starts at its first connection). */
    private HikariPoolMXBean bean() throws SQLException {
        HikariPoolMXBean bean = hikari;
        if (bean == null) {
            bean = pool.unwrap(HikariDataSource.class).getHikariPoolMXBean();
            hikari = bean;
        }
        return bean;
    }

    private static boolean wrapsHikari(DataSource pool) {
        try {
            return pool.isWrapperFor(HikariDataSource.class);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean hikariPresent() {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, TenantAffinity.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * One physical connection while it is out of HikariCP: handed to tenant connections one after another, parked in
     * between. Between two tenant connections it knows the tenant whose path is set on it; a fresh lease knows none.
     */
    static final class Lease {

        private final TenantAffinity owner;
        private final Connection physical;
        private final BaseConnection driver;
        private final long leasedAt;
        private final boolean autoCommit;
        private final boolean readOnly;
        private boolean pathKnown;
        private SchemaName pathTenant;
        private long parkedAt;

        private Lease(TenantAffinity owner, Connection physical, long leasedAt) throws SQLException {
            this.owner = owner;
            this.physical = physical;
            this.driver = physical.isWrapperFor(BaseConnection.class) ? physical.unwrap(BaseConnection.class) : null;
            this.leasedAt = leasedAt;
            this.autoCommit = physical.getAutoCommit();
            this.readOnly = physical.isReadOnly();
        }

        /** The pooled connection. */
        Connection connection() {
            return physical;
        }

        /** Whether the session has {@link #pathTenant()}'s path and role, set and committed by a tenant connection. */
        boolean pathKnown() {
            return pathKnown;
        }

        /** The tenant whose path is in force when {@link #pathKnown()} ({@code null}: the shared path). */
        SchemaName pathTenant() {
            return pathTenant;
        }

        /**
         * Whether the connection may be parked: it is open, out of any transaction, with the auto-commit and
         * read-only settings HikariCP handed it out with (HikariCP would otherwise reset them on return).
         */
        boolean reusable() {
            try {
                return !physical.isClosed() && driver != null && driver.getTransactionState() == TransactionState.IDLE
                        && physical.getAutoCommit() == autoCommit && physical.isReadOnly() == readOnly;
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }

        /** Parks the connection with {@code tenant}'s path set and committed on it. */
        void park(SchemaName tenant) throws SQLException {
            pathKnown = true;
            owner.park(this, tenant);
        }

        /** Gives the connection back to HikariCP, forgetting its path. */
        void release() throws SQLException {
            pathKnown = false;
            pathTenant = null;
            physical.close();
        }
    }
}
