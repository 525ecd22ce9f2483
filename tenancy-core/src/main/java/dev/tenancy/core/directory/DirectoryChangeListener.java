package dev.tenancy.core.directory;

import dev.tenancy.core.SchemaName;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.lang.System.Logger.Level;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Keeps a {@link TenantDirectory} fresh when another instance changes a tenant or a domain: it listens on the
 * PostgreSQL channel {@value #CHANNEL}, to which the provisioner {@linkplain #announce announces} every change in the
 * same transaction as the change (PostgreSQL delivers it only on commit, so a rolled-back change announces nothing),
 * and evicts what each announcement names. A change is seen by every instance within about a second.
 *
 * <p>It holds one connection of its own for as long as it runs, opened through the connection source it was
 * given (a plain driver connection, or one borrowed from a pool and kept), and polls it on a daemon thread. When that
 * connection fails it forgets everything the directory cached (announcements may have been missed), opens a new one
 * with growing back-off (100 ms up to 30 s), and forgets everything once more as soon as it listens again; meanwhile
 * the directory's time-to-live still bounds how long an answer can be stale. {@link #close()} stops it.
 *
 * <p>Announcements name only tenants' schemas and host names, never secrets.
 */
final class DirectoryChangeListener implements AutoCloseable {

    /** The PostgreSQL notification channel Tenancy announces directory changes on. */
    static final String CHANNEL = "tenancy_directory";

    private static final System.Logger LOG = System.getLogger(DirectoryChangeListener.class.getName());
    private static final String SCHEMA = "schema:";
    private static final String HOST = "host:";
    private static final int POLL_MILLIS = 250;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final TenantDirectory directory;
    private final Callable<Connection> connections;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    private DirectoryChangeListener(TenantDirectory directory, Callable<Connection> connections) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.thread = new Thread(this::run, "tenancy-directory-listener");
        this.thread.setDaemon(true);
    }

    /** Starts listening for changes and evicting them from {@code directory}; returns at once. */
    static DirectoryChangeListener start(TenantDirectory directory, Callable<Connection> connections) {
        DirectoryChangeListener listener = new DirectoryChangeListener(directory, connections);
        listener.thread.start();
        return listener;
    }

    /**
     * Announces, inside the transaction open on {@code transaction}, that {@code schema}'s tenant and {@code hosts}
     * changed: every listening directory evicts them once the transaction commits, and never if it rolls back.
     */
    static void announce(Connection transaction, SchemaName schema, Collection<String> hosts)
            throws SQLException {
        List<String> payloads = new ArrayList<>();
        payloads.add(SCHEMA + schema.value());
        hosts.forEach(host -> payloads.add(HOST + host));
        Array array = transaction.createArrayOf("text", payloads.toArray());
        try (PreparedStatement notify = transaction.prepareStatement(
                "SELECT pg_notify('" + CHANNEL + "', payload) FROM unnest(?::text[]) AS payload")) {
            notify.setArray(1, array);
            notify.executeQuery().close();
        } finally {
            array.free();
        }
    }

    /** Whether it holds a working connection and listens (false while reconnecting and after {@link #close()}). */
    boolean listening() {
        return listening;
    }

    /** Stops listening and closes the connection; waits a few seconds at most for the thread to end. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Connection connection = connections.call()) {
                try {
                    listen(connection);
                    retry = FIRST_RETRY;
                    poll(connection.unwrap(PGConnection.class));
                } finally {
                    listening = false;
                    unlisten(connection);
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                directory.evictAll();
                LOG.log(Level.WARNING, "Lost the connection that listens for directory changes (" + e.getMessage()
                        + "); cached hosts are forgotten and it reconnects in " + retry.toMillis() + " ms");
                if (!pause(retry)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        directory.evictAll();
        listening = true;
    }

    private void poll(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    evict(notification.getParameter());
                }
            }
        }
    }

    private void evict(String payload) {
        try {
            if (payload.startsWith(SCHEMA)) {
                directory.evictTenant(SchemaName.of(payload.substring(SCHEMA.length())));
            } else if (payload.startsWith(HOST)) {
                directory.evict(payload.substring(HOST.length()));
            } else {
                directory.evictAll();
            }
        } catch (RuntimeException unreadable) {
            directory.evictAll();
        }
    }

    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN " + CHANNEL);
        } catch (SQLException closing) {
            // the connection is already gone; nothing stays subscribed on it
        }
    }

    private boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
