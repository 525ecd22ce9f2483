package dev.tenancy.benchmarks.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of running the benchmark application: its name in {@code --variants}, a label for the report, and the
 * application settings that make it so. The built-in variants are listed below; {@code --define-variant} adds more,
 * each a built-in one plus settings (see {@link #define(String)}), e.g. a Tenancy feature switched on.
 *
 * @param key the name in {@code --variants} and in the result lines
 * @param label what the variant is, for the result lines
 * @param settings application settings, as {@code --name=value}
 * @param tenantRoles whether the tenants' roles must exist before it starts
 * @param tenanted whether it serves each host from its tenant's schema (else from {@code public}, as the baselines do)
 */
record Variant(String key, String label, List<String> settings, boolean tenantRoles, boolean tenanted) {

    /** The tenant role names of the variants with tenant roles. */
    static final String ROLE_PREFIX = "bench_role_";
    static final String ROLE_GROUP = "bench_tenant_roles";

    /** The built-in variants, by name. */
    static final Map<String, Variant> BUILT_IN = builtIn(
            /* The baseline: Tenancy switched off, the same tables in public. */
            new Variant("untenanted", "Tenancy off (baseline)", List.of("--tenancy.enabled=false"), false, false),
            /* The baseline plus one SET search_path TO public per connection checkout, to isolate that round trip. */
            new Variant("untenanted+set", "Tenancy off, + SET search_path per checkout",
                    List.of("--tenancy.enabled=false", "--harness.search-path-on-checkout=true"), false, false),
            /* Tenancy as shipped: host from the directory's cache, path set per checkout, statements labelled. */
            new Variant("tenancy", "Tenancy on", List.of(), false, true),
            /* Tenancy plus tenant roles: each tenant's connection also runs as the tenant's role (same statement). */
            new Variant("tenancy-roles", "Tenancy on, tenant roles", List.of("--tenancy.roles.enabled=true",
                    "--tenancy.roles.prefix=" + ROLE_PREFIX, "--tenancy.roles.group=" + ROLE_GROUP), true, true),
            /* Tenancy plus tenant affinity: a tenant's next checkout reuses a parked connection with its path. */
            new Variant("tenancy-affine", "Tenancy on, tenant affinity",
                    List.of("--tenancy.pool.affinity.enabled=true"), false, true),
            /* Tenancy's PgBouncer-safe mode, straight to PostgreSQL: the path set in every transaction. */
            new Variant("tenancy-pooler", "Tenancy on, transaction-pooling mode (direct)",
                    List.of("--tenancy.pooler.transaction-mode=true"), false, true),
            /* Tenancy with unlabelled statements: PostgreSQL re-plans whenever a connection changed tenant. */
            new Variant("tenancy-unlabelled", "Tenancy on, statements not labelled",
                    List.of("--tenancy.schemas.label-statements=false"), false, true),
            /* The naive way (django-tenants' default): a domain query per request, SET per checkout, no labels. */
            new Variant("naive", "naive: uncached host lookup + SET per checkout",
                    List.of("--tenancy.directory.time-to-live=0", "--tenancy.directory.maximum-size=0",
                            "--tenancy.schemas.label-statements=false"), false, true),
            /* Peer: Hibernate 7's hibernate.multi_tenant.schema_mapper (getSchema/setSchema per session). */
            new Variant("hibernate-schema-mapper", "peer: Hibernate 7 schema_mapper (setSchema per session)",
                    List.of("--tenancy.enabled=false", "--harness.hibernate-schema-mapper=true"), false, true),
            /* Peer: an Apartment-style pool per tenant under a global budget of 10 connections. */
            new Variant("apartment", "peer: Apartment-style pool per tenant, global budget",
                    List.of("--tenancy.enabled=false", "--harness.apartment.enabled=true",
                            "--spring.datasource.hikari.maximum-pool-size=2"), false, true));

    private static Map<String, Variant> builtIn(Variant... variants) {
        Map<String, Variant> byKey = new LinkedHashMap<>();
        Arrays.stream(variants).forEach(variant -> byKey.put(variant.key, variant));
        return Collections.unmodifiableMap(byKey);
    }

    Variant {
        settings = List.copyOf(settings);
    }

    /** The variant named {@code key}, built in or defined. */
    static Variant of(String key, Map<String, Variant> defined) {
        Variant variant = defined.containsKey(key) ? defined.get(key) : BUILT_IN.get(key);
        if (variant == null) {
            List<String> known = new ArrayList<>(BUILT_IN.keySet());
            known.addAll(defined.keySet());
            throw new IllegalArgumentException("Unknown variant '" + key + "'; known: " + known.stream().sorted()
                    .toList() + " (or define one with --define-variant=name:base:--setting=value,...)");
        }
        return variant;
    }

    /**
     * Parses {@code --define-variant}: definitions separated by {@code ;}, each {@code name:base:settings} with the
     * settings ({@code --name=value}) separated by commas, e.g.
     * {@code tenancy-affinity:tenancy:--tenancy.pool.affinity.enabled=true}: the base variant's settings, then these.
     */
    static Map<String, Variant> define(String definitions) {
        Map<String, Variant> defined = new LinkedHashMap<>();
        if (definitions == null) {
            return defined;
        }
        for (String definition : definitions.split(";")) {
            String[] parts = definition.strip().split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || BUILT_IN.containsKey(parts[0])) {
                throw new IllegalArgumentException("--define-variant: '" + definition + "' is not name:base:settings"
                        + " with a new name, e.g. tenancy-affinity:tenancy:--tenancy.pool.affinity.enabled=true");
            }
            Variant base = of(parts[1], defined);
            List<String> settings = new ArrayList<>(base.settings);
            for (String setting : parts[2].split(",")) {
                if (!setting.startsWith("--") || !setting.contains("=")) {
                    throw new IllegalArgumentException("--define-variant " + parts[0] + ": '" + setting + "' is not"
                            + " an application setting of the form --name=value");
                }
                settings.add(setting);
            }
            defined.put(parts[0], new Variant(parts[0], base.label + " + " + parts[2], settings, base.tenantRoles,
                    base.tenanted));
        }
        return defined;
    }

    /** The same variant with {@code extra} settings after its own. */
    Variant with(List<String> extra) {
        List<String> all = new ArrayList<>(settings);
        all.addAll(extra);
        return new Variant(key, label, all, tenantRoles, tenanted);
    }
}
