package dev.tenancy.sample;

import dev.tenancy.boot.audit.TenantAccessDeniedEvent;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every {@link TenantAccessDeniedEvent} the running application published (on its server threads, before answering
 * the request), for tests that check refused access is audited. Events accumulate over the shared context: take
 * {@link #count()} before the requests and read {@link #since(int)} after.
 */
@TestComponent
public class SecurityEvents {

    private final List<TenantAccessDeniedEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void record(TenantAccessDeniedEvent event) {
        events.add(event);
    }

    /** How many events were published so far. */
    public int count() {
        return events.size();
    }

    /** The events published after the first {@code count}. */
    public List<TenantAccessDeniedEvent> since(int count) {
        return List.copyOf(events.subList(count, events.size()));
    }
}
