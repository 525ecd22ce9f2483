package dev.tenancy.sample;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique names for what a test creates in the shared test database. */
public final class Names {

    private static final String RUN = Long.toString(System.nanoTime() % 46_656L, 36);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Names() {
    }

    /** A subdomain no other test uses, e.g. {@code acme-k3-7}. */
    public static String subdomain(String prefix) {
        return (prefix + "-" + RUN + "-" + NEXT.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    /** A user name no other test uses. */
    public static String username(String prefix) {
        return prefix + "." + RUN + "." + NEXT.incrementAndGet();
    }
}
