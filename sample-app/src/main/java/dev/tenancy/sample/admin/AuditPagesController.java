package dev.tenancy.sample.admin;

import dev.tenancy.core.provisioning.TenantProvisioner;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The audit of tenant operations ({@code public.tenancy_audit}, written by Tenancy's provisioner): who did what to
 * which tenant, when, and how it ended; newest first, for one tenant's schema when asked.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditPagesController {

    static final int PAGE_SIZE = 50;

    private static final RowMapper<Entry> ENTRY = (rows, number) -> new Entry(rows.getLong("id"),
            Timestamps.format(rows.getTimestamp("at").toInstant()), rows.getString("actor"), rows.getString("action"),
            rows.getString("schema_name"), rows.getString("details"), rows.getString("outcome"),
            rows.getString("error"));

    private final NamedParameterJdbcTemplate jdbc;
    private final TenantProvisioner provisioner;

    AuditPagesController(NamedParameterJdbcTemplate jdbc, TenantProvisioner provisioner) {
        this.jdbc = jdbc;
        this.provisioner = provisioner;
    }

    /** One line of the audit. */
    record Entry(long id, String at, String actor, String action, String schema, String details, String outcome,
            String error) {
    }

    @GetMapping({"", "/"})
    String list(@RequestParam(required = false) String tenant, @RequestParam(required = false) Integer page,
            Model model) {
        provisioner.installSchema();
        String schema = tenant == null || tenant.isBlank() ? null : tenant.trim();
        MapSqlParameterSource parameters = new MapSqlParameterSource("schema", schema);
        String where = " FROM public.tenancy_audit WHERE (CAST(:schema AS text) IS NULL OR schema_name = :schema)";
        PageRequest request = PageRequest.of(page == null || page < 1 ? 0 : page - 1, PAGE_SIZE);
        Long total = jdbc.queryForObject("SELECT count(*)" + where, parameters, Long.class);
        parameters.addValue("limit", request.getPageSize()).addValue("offset", request.getOffset());
        List<Entry> entries = jdbc.query("SELECT id, at, actor, action, schema_name, details::text AS details, "
                + "outcome, error" + where + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset", parameters,
                ENTRY);
        model.addAttribute("tenant", schema == null ? "" : schema);
        model.addAttribute("pageLink", Links.withoutPage());
        model.addAttribute("entries", new PageImpl<>(entries, request, total == null ? 0 : total));
        return "admin/audit";
    }
}
