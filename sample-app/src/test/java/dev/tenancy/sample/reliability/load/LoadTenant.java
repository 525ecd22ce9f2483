package dev.tenancy.sample.reliability.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tenant of the load: its label (the tag every row and answer must carry), host, schema and user, the session
 * its user signed in to once, the ids of notes it is known to have, and how many notes it must hold at the end.
 */
final class LoadTenant {

    private static final int KNOWN_IDS = 64;

    final int index;
    final String label;
    final String host;
    final String schema;
    final String username;
    private volatile String sessionId;
    private volatile String csrfToken;
    private final AtomicLongArray knownIds = new AtomicLongArray(KNOWN_IDS);
    private final AtomicInteger nextKnown = new AtomicInteger();
    private final AtomicLong committedNotes = new AtomicLong();

    LoadTenant(int index) {
        this.index = index;
        this.label = "load" + index;
        this.host = label + ".localhost";
        this.schema = "tenant_" + label;
        this.username = label + "-user";
    }

    /** The tag at the start of every title this tenant's notes have. */
    String tag() {
        return label + ":";
    }

    /** The title of the note written when the tenant was created; taken, so writing it again is refused. */
    String seedTitle() {
        return label + ": seed";
    }

    void signedIn(String sessionId, String csrfToken) {
        this.sessionId = sessionId;
        this.csrfToken = csrfToken;
    }

    String sessionId() {
        return sessionId;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** Remembers a note this tenant has, to read it back by id later. */
    void known(long id) {
        knownIds.set(Math.floorMod(nextKnown.getAndIncrement(), KNOWN_IDS), id);
    }

    /** A note id this tenant has (its seed's, 1, until others are known). */
    long someKnownId(int random) {
        long id = knownIds.get(Math.floorMod(random, KNOWN_IDS));
        return id == 0 ? 1 : id;
    }

    /** Counts notes whose write was answered as committed. */
    void committed(long notes) {
        committedNotes.addAndGet(notes);
    }

    /** How many notes the tenant must hold: its seed and every write answered as committed. */
    long expectedNotes() {
        return 1 + committedNotes.get();
    }
}
