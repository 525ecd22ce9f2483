package dev.tenancy.sample.reliability.load;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One load client: a keep-alive connection sending requests one after the other, each for a tenant picked at random
 * (so consecutive requests on the connection, and on the server's threads and pooled connections, switch tenants),
 * of a kind picked by {@link RequestKind}'s shares, and checking every answer against the tenant it was sent for.
 */
final class LoadClient implements Runnable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int number;
    private final List<LoadTenant> tenants;
    private final LoadTally tally;
    private final AtomicLong remaining;
    private final long deadline;
    private final LongAdder uncertainWrites;
    private final KeepAliveConnection connection;
    private long sequence;

    LoadClient(int number, int port, List<LoadTenant> tenants, LoadTally tally, AtomicLong remaining, long deadline,
            LongAdder uncertainWrites) {
        this.number = number;
        this.tenants = tenants;
        this.tally = tally;
        this.remaining = remaining;
        this.deadline = deadline;
        this.uncertainWrites = uncertainWrites;
        this.connection = new KeepAliveConnection(port);
    }

    @Override
    public void run() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                LoadTenant tenant = tenants.get(random.nextInt(tenants.size()));
                RequestKind kind = RequestKind.forPercentile(random.nextInt(100));
                tally.count(kind);
                try {
                    send(kind, tenant, random);
                } catch (IOException | RuntimeException e) {
                    if (kind == RequestKind.WRITE || kind == RequestKind.IMPORT_SAVEPOINTS) {
                        uncertainWrites.increment();
                    }
                    tally.error(kind, e.getClass().getSimpleName(), tenant, String.valueOf(e.getMessage()));
                }
            }
        } finally {
            connection.close();
        }
    }

    /** How many connections this client opened (Tomcat closes a keep-alive connection after 100 requests). */
    long connectionsOpened() {
        return connection.connectionsOpened();
    }

    private void send(RequestKind kind, LoadTenant tenant, ThreadLocalRandom random) throws IOException {
        String unique = tenant.tag() + number + ":" + (++sequence);
        switch (kind) {
            case LIST -> check(kind, tenant, get(tenant, "/api/notes/?limit=5"), 200, body -> allOwn(body, tenant));
            case READ_BY_ID -> {
                long id = tenant.someKnownId(random.nextInt());
                check(kind, tenant, get(tenant, "/api/notes/" + id), 200,
                        body -> own(body, tenant) && body.get("id").asLong() == id);
            }
            case ME -> check(kind, tenant, get(tenant, "/api/me"), 200,
                    body -> tenant.username.equals(body.get("username").asString())
                            && tenant.host.equals(body.get("site").asString()));
            case WRITE -> {
                KeepAliveConnection.Answer answer = post(tenant, "/api/notes/", "{\"title\":\"" + unique + "w\"}");
                if (check(kind, tenant, answer, 201, body -> own(body, tenant)
                        && body.get("title").asString().equals(unique + "w"))) {
                    tenant.committed(1);
                    tenant.known(JSON.readTree(answer.body()).get("id").asLong());
                }
            }
            case WRITE_TAKEN -> check(kind, tenant, post(tenant, "/api/notes/", "{\"title\":\"" + tenant.seedTitle()
                    + "\"}"), 409, body -> body.get("error").asString().contains("'" + tenant.seedTitle() + "'"));
            case IMPORT_ROLLED_BACK -> check(kind, tenant, post(tenant, "/api/notes/import", "{\"notes\":[{\"title\":\""
                    + unique + "rollback-a\"},{\"title\":\"" + unique + "rollback-b\"},{\"title\":\""
                    + tenant.seedTitle() + "\"}]}"), 409,
                    body -> body.get("error").asString().contains("'" + tenant.seedTitle() + "'"));
            case IMPORT_SAVEPOINTS -> {
                if (check(kind, tenant, post(tenant, "/api/notes/import", "{\"notes\":[{\"title\":\"" + unique
                        + "sp-a\"},{\"title\":\"" + tenant.seedTitle() + "\"},{\"title\":\"" + unique
                        + "sp-b\"}],\"skip_existing\":true}"), 201,
                        body -> body.get("imported").asInt() == 2 && body.get("skipped").size() == 1
                                && tenant.seedTitle().equals(body.get("skipped").get(0).asString()))) {
                    tenant.committed(2);
                }
            }
            case CACHED_SUMMARY -> check(kind, tenant, get(tenant, "/api/notes/summary"), 200,
                    body -> body.get("notes").asLong() >= 1
                            && body.get("newest_title").asString().startsWith(tenant.tag()));
            case ASYNC_REPORT -> check(kind, tenant, get(tenant, "/api/notes/report"), 200,
                    body -> body.get("authors").asLong() == 1 && !body.get("newest_titles").isEmpty()
                            && allTagged(body.get("newest_titles"), tenant));
            case SESSION_ELSEWHERE -> {
                LoadTenant other = tenants.get(Math.floorMod(tenant.index + 1 + random.nextInt(tenants.size() - 1),
                        tenants.size()));
                KeepAliveConnection.Answer answer = connection.send("GET", other.host, "/api/notes/?limit=5",
                        tenant.sessionId(), null, null);
                if (answer.status() == 401) {
                    tally.asExpected(kind);
                } else if (answer.status() == 200) {
                    tally.foreign(kind, tenant, "served on " + other.host + ": " + answer.body());
                } else {
                    tally.error(kind, "status " + answer.status(), tenant, answer.body());
                }
            }
            default -> throw new IllegalStateException("No request for " + kind);
        }
    }

    private KeepAliveConnection.Answer get(LoadTenant tenant, String path) throws IOException {
        return connection.send("GET", tenant.host, path, tenant.sessionId(), null, null);
    }

    private KeepAliveConnection.Answer post(LoadTenant tenant, String path, String json) throws IOException {
        return connection.send("POST", tenant.host, path, tenant.sessionId(), tenant.csrfToken(), json);
    }

    /** A check of an answer's body. */
    private interface BodyCheck {
        boolean holds(JsonNode body);
    }

    /**
     * Counts the answer: as expected (status and body check), foreign (status as expected, body not the tenant's) or
     * an error (any other status). True when as expected.
     */
    private boolean check(RequestKind kind, LoadTenant tenant, KeepAliveConnection.Answer answer, int status,
            BodyCheck bodyCheck) {
        if (answer.status() != status) {
            if ((kind == RequestKind.WRITE || kind == RequestKind.IMPORT_SAVEPOINTS) && answer.status() >= 500) {
                uncertainWrites.increment();
            }
            tally.error(kind, "status " + answer.status(), tenant, answer.body());
            return false;
        }
        if (!bodyCheck.holds(JSON.readTree(answer.body()))) {
            tally.foreign(kind, tenant, answer.body());
            return false;
        }
        tally.asExpected(kind);
        return true;
    }

    private static boolean own(JsonNode note, LoadTenant tenant) {
        return note.get("title").asString().startsWith(tenant.tag()) && tenant.username.equals(note.get("author")
                .asString());
    }

    private static boolean allOwn(JsonNode notes, LoadTenant tenant) {
        if (!notes.isArray() || notes.isEmpty()) {
            return false;
        }
        for (JsonNode note : notes) {
            if (!own(note, tenant)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allTagged(JsonNode titles, LoadTenant tenant) {
        for (JsonNode title : titles) {
            if (!title.asString().startsWith(tenant.tag())) {
                return false;
            }
        }
        return true;
    }
}
