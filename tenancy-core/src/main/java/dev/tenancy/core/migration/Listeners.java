package dev.tenancy.core.migration;

import dev.tenancy.core.migration.MigrationListener.MigrationProgress;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** Passes events to the application's listeners one at a time, whichever worker sends them. */
final class Listeners implements MigrationListener {

    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final List<MigrationListener> listeners;
    private final ReentrantLock lock = new ReentrantLock();

    Listeners(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void beforeSchema(MigrationTarget target) {
        each(listener -> listener.beforeSchema(target));
    }

    @Override
    public void message(MigrationTarget target, String message) {
        each(listener -> listener.message(target, message));
    }

    @Override
    public void afterSchema(SchemaResult result) {
        each(listener -> listener.afterSchema(result));
    }

    @Override
    public void progress(MigrationProgress progress) {
        each(listener -> listener.progress(progress));
    }

    private void each(Consumer<MigrationListener> event) {
        if (listeners.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            for (MigrationListener listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Migration listener " + listener + " failed; ignored", e);
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
