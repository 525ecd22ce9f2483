package dev.tenancy.sample.reliability.load;

/**
 * The kinds of request in the load, with their share of it (percent) and what each must be answered.
 */
enum RequestKind {
    /** {@code GET /api/notes/?limit=5}: 200, every note the tenant's. */
    LIST(18, "read: the newest notes, 200, each the tenant's"),
    /** {@code GET /api/notes/{id}} of a note the tenant has: 200, that note. */
    READ_BY_ID(15, "read: a note by id (ids repeat across tenants), 200, the tenant's"),
    /** {@code GET /api/me}: 200, the tenant's user on the tenant's host (read through Hibernate). */
    ME(10, "read: the signed-in user (Hibernate), 200, the tenant's"),
    /** {@code POST /api/notes/} with a new title: 201, committed. */
    WRITE(15, "write: a new note, 201, committed"),
    /** {@code POST /api/notes/} with the tenant's seed title: 409, nothing written. */
    WRITE_TAKEN(5, "failing write: a taken title, 409 (the database refuses it), nothing written"),
    /** {@code POST /api/notes/import} of two new notes and a taken one, all or nothing: 409, all rolled back. */
    IMPORT_ROLLED_BACK(5, "failing import: two new notes then a taken title, 409, the transaction rolled back"),
    /** The same with {@code skip_existing}: each note in a savepoint, the taken one rolled back, 201. */
    IMPORT_SAVEPOINTS(5, "import with savepoints: new, taken, new; 201, the taken one rolled back to its "
            + "savepoint, the other two committed"),
    /** {@code GET /api/notes/summary}: 200, from the tenant's cache entry. */
    CACHED_SUMMARY(15, "cached read: the summary (Spring Cache), 200, the tenant's newest title"),
    /** {@code GET /api/notes/report}: 200, computed on the task executor. */
    ASYNC_REPORT(10, "async: the report (MVC Callable on the task executor), 200, the tenant's titles, one author"),
    /** {@code GET /api/notes/?limit=5} on another tenant's host with this tenant's session: 401. */
    SESSION_ELSEWHERE(2, "a session carried to another tenant's host, 401");

    private final int percent;
    private final String description;

    RequestKind(int percent, String description) {
        this.percent = percent;
        this.description = description;
    }

    int percent() {
        return percent;
    }

    String description() {
        return description;
    }

    /** The kind for a number from 0 to 99, each kind taking its share of them. */
    static RequestKind forPercentile(int percentile) {
        int upTo = 0;
        for (RequestKind kind : values()) {
            upTo += kind.percent;
            if (percentile < upTo) {
                return kind;
            }
        }
        throw new IllegalArgumentException("The shares add up to " + upTo + ", not 100; percentile " + percentile);
    }
}
