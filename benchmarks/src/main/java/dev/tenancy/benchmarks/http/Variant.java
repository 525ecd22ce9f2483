package dev.tenancy.benchmarks.http;

import java.util.Arrays;
import java.util.List;

/** One way of running the benchmark application, with the settings that make it so. */
enum Variant {

    /** The baseline: Tenancy switched off, the same table in {@code public}. */
    UNTENANTED("untenanted", "Tenancy off (baseline)", "--tenancy.enabled=false"),
    /** The baseline plus one {@code SET search_path TO public} per connection checkout, to isolate that round trip. */
    UNTENANTED_SET("untenanted+set", "Tenancy off, + SET search_path per checkout", "--tenancy.enabled=false",
            "--harness.search-path-on-checkout=true"),
    /**
     * Tenancy as shipped: host resolved from the directory's cache, search path set on every checkout, prepared
     * statements labelled with their tenant (one plan per tenant on each connection).
     */
    TENANCY("tenancy", "Tenancy on"),
    /**
     * Tenancy as shipped plus tenant roles: each tenant's connection also runs as the tenant's own PostgreSQL role,
     * set in the same statement as the path (the roles are made before the servers start).
     */
    TENANCY_ROLES("tenancy-roles", "Tenancy on, tenant roles", "--tenancy.roles.enabled=true",
            "--tenancy.roles.prefix=" + Variant.ROLE_PREFIX, "--tenancy.roles.group=" + Variant.ROLE_GROUP),
    /** Tenancy as shipped plus tenant affinity: a tenant's next checkout reuses a parked connection with its path. */
    TENANCY_AFFINE("tenancy-affine", "Tenancy on, tenant affinity", "--tenancy.pool.affinity.enabled=true"),
    /** Tenancy with unlabelled statements: PostgreSQL re-plans a statement whenever its connection changed tenant. */
    TENANCY_UNLABELLED("tenancy-unlabelled", "Tenancy on, statements not labelled",
            "--tenancy.schemas.label-statements=false"),
    /**
     * The naive way (django-tenants' default): a domain query on every request (nothing cached), search path set on
     * every checkout, statements not labelled.
     */
    NAIVE("naive", "naive: uncached host lookup + SET per checkout", "--tenancy.directory.time-to-live=0",
            "--tenancy.directory.maximum-size=0", "--tenancy.schemas.label-statements=false");

    /** The tenant role names of {@link #TENANCY_ROLES}. */
    static final String ROLE_PREFIX = "bench_role_";
    static final String ROLE_GROUP = "bench_tenant_roles";

    final String key;
    final String label;
    final List<String> settings;

    Variant(String key, String label, String... settings) {
        this.key = key;
        this.label = label;
        this.settings = List.of(settings);
    }

    static Variant of(String key) {
        return Arrays.stream(values()).filter(variant -> variant.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown variant '" + key + "'; known: "
                        + Arrays.stream(values()).map(variant -> variant.key).toList()));
    }
}
