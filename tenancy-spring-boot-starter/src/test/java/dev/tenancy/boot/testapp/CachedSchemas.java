package dev.tenancy.boot.testapp;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cached reads of the database: each real read answers "schema:label#n", the schema the connection worked in
 * (asked from PostgreSQL) and the number of real reads so far, so a test can tell a cache hit from a read.
 */
@Service
public class CachedSchemas {

    private final JdbcTemplate jdbc;
    private final AtomicInteger reads = new AtomicInteger();

    CachedSchemas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Cacheable("schemas")
    public String describe(String label) {
        return read(label);
    }

    @CachePut("schemas")
    public String refresh(String label) {
        return read(label);
    }

    @CacheEvict("schemas")
    public void forget(String label) {
    }

    @CacheEvict(cacheNames = "schemas", allEntries = true)
    public void forgetAll() {
    }

    @Cacheable(cacheNames = "schemas", keyGenerator = "labelOnlyKeys")
    public String describeWithOwnKeys(String label, int ignored) {
        return read(label);
    }

    @Cacheable(cacheNames = "own", cacheResolver = "ownCacheResolver")
    public String describeWithOwnResolver(String label) {
        return read(label);
    }

    @Cacheable("notes")
    public List<String> notes() {
        return jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class);
    }

    private String read(String label) {
        return jdbc.queryForObject("SELECT current_schema()", String.class) + ":" + label + "#"
                + reads.incrementAndGet();
    }
}
