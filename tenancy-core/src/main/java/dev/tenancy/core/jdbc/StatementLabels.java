package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The labelled texts of prepared statements, <code>/* tenant_a *&#47; select ...</code>, kept per tenant and SQL text
 * so that preparing a statement builds no new string: the same text object then also serves as the driver's cache key,
 * whose hash is computed once and whose comparison finds the very same object. Bounded by the characters kept: SQL
 * longer than {@value #MAX_SQL_LENGTH} characters is never kept, and once {@value #MAX_CHARACTERS} characters are
 * kept, everything is forgotten and the cache fills again with the texts in use.
 */
final class StatementLabels {

    static final int MAX_SQL_LENGTH = 4_096;
    static final long MAX_CHARACTERS = 4L << 20;

    private final ConcurrentMap<SchemaName, ConcurrentMap<String, String>> byTenant = new ConcurrentHashMap<>();
    private final AtomicLong characters = new AtomicLong();

    /** {@code sql} labelled with {@code tenant}'s schema name. */
    String labelled(SchemaName tenant, String sql) {
        ConcurrentMap<String, String> texts = byTenant.get(tenant);
        String text = texts == null ? null : texts.get(sql);
        if (text != null) {
            return text;
        }
        text = "/* " + tenant.value() + " */ " + sql;
        if (sql.length() <= MAX_SQL_LENGTH) {
            keep(tenant, sql, text);
        }
        return text;
    }

    private void keep(SchemaName tenant, String sql, String text) {
        if (characters.addAndGet(text.length()) > MAX_CHARACTERS) {
            byTenant.clear();
            characters.set(text.length());
        }
        byTenant.computeIfAbsent(tenant, schema -> new ConcurrentHashMap<>()).put(sql, text);
    }
}
