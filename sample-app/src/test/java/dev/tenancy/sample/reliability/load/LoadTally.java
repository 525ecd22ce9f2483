package dev.tenancy.sample.reliability.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load saw, counted by all clients at once: requests by kind, answers as expected, answers carrying another
 * tenant's data ("foreign"), and every other answer by kind and status (errors), with the first examples of each.
 */
final class LoadTally {

    private static final int EXAMPLES = 10;

    private final Map<RequestKind, LongAdder> sent = new EnumMap<>(RequestKind.class);
    private final Map<RequestKind, LongAdder> expected = new EnumMap<>(RequestKind.class);
    private final LongAdder foreign = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final List<String> examples = Collections.synchronizedList(new ArrayList<>());

    LoadTally() {
        for (RequestKind kind : RequestKind.values()) {
            sent.put(kind, new LongAdder());
            expected.put(kind, new LongAdder());
        }
    }

    void count(RequestKind kind) {
        sent.get(kind).increment();
    }

    void asExpected(RequestKind kind) {
        expected.get(kind).increment();
    }

    void foreign(RequestKind kind, LoadTenant tenant, String answer) {
        foreign.increment();
        example("FOREIGN " + kind + " for " + tenant.label + ": " + answer);
    }

    void error(RequestKind kind, String what, LoadTenant tenant, String answer) {
        errors.computeIfAbsent(kind + " " + what, key -> new LongAdder()).increment();
        example("ERROR " + kind + " " + what + " for " + tenant.label + ": " + answer);
    }

    private void example(String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text.length() > 500 ? text.substring(0, 500) + "..." : text);
        }
    }

    long requests() {
        return sent.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long foreign() {
        return foreign.sum();
    }

    /** Errors by kind and what happened, e.g. {@code WRITE status 500}. */
    Map<String, Long> errors() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }

    long sent(RequestKind kind) {
        return sent.get(kind).sum();
    }

    long expected(RequestKind kind) {
        return expected.get(kind).sum();
    }

    List<String> examples() {
        synchronized (examples) {
            return List.copyOf(examples);
        }
    }
}
