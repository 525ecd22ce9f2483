package dev.tenancy.sample.admin;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;

/** The platform's domain list, with each domain's tenant, one page at a time, read from the public tables. */
@Service
class DomainListing {

    static final int PAGE_SIZE = 50;

    private static final String FROM = " FROM public.domains d JOIN public.tenants t ON t.id = d.tenant_id"
            + " WHERE (CAST(:primary AS boolean) IS NULL OR d.is_primary = CAST(:primary AS boolean))"
            + " AND (CAST(:pattern AS text) IS NULL OR lower(d.domain) LIKE :pattern ESCAPE '\\'"
            + " OR lower(t.name) LIKE :pattern ESCAPE '\\')";

    private static final RowMapper<Row> ROW = (rows, number) -> new Row(rows.getLong("id"), rows.getString("domain"),
            rows.getBoolean("is_primary"), rows.getLong("tenant_id"), rows.getString("name"));

    private final NamedParameterJdbcTemplate jdbc;

    DomainListing(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A domain and the tenant it serves. */
    record Row(long id, String domain, boolean primary, long tenantId, String tenantName) {
    }

    /**
     * What the list shows.
     *
     * @param q part of the domain or of its tenant's name, any case
     * @param primary {@code yes} or {@code no}
     * @param page the page, from 1
     */
    record Query(String q, String primary, Integer page) {
    }

    @Transactional(readOnly = true)
    Page<Row> find(Query query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("primary", "yes".equals(query.primary()) ? Boolean.TRUE
                        : "no".equals(query.primary()) ? Boolean.FALSE : null)
                .addValue("pattern", query.q() == null || query.q().isBlank() ? null
                        : "%" + query.q().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                                .replace("%", "\\%").replace("_", "\\_") + "%");
        PageRequest page = PageRequest.of(query.page() == null || query.page() < 1 ? 0 : query.page() - 1,
                PAGE_SIZE);
        Long total = jdbc.queryForObject("SELECT count(*)" + FROM, parameters, Long.class);
        parameters.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        List<Row> rows = jdbc.query("SELECT d.id, d.domain, d.is_primary, d.tenant_id, t.name" + FROM
                + " ORDER BY d.domain LIMIT :limit OFFSET :offset", parameters, ROW);
        return new PageImpl<>(rows, page, total == null ? 0 : total);
    }

    /** The tenant's domains, oldest first. */
    @Transactional(readOnly = true)
    List<Row> ofTenant(long tenantId) {
        return jdbc.query("SELECT d.id, d.domain, d.is_primary, d.tenant_id, t.name FROM public.domains d"
                + " JOIN public.tenants t ON t.id = d.tenant_id WHERE d.tenant_id = :tenant ORDER BY d.id",
                new MapSqlParameterSource("tenant", tenantId), ROW);
    }
}
