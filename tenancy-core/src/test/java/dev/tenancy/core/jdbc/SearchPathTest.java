package dev.tenancy.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a data source remembers about tenants' schema checks is bounded: at most 10,000 tenants, and those it
 * remembers keep being refreshed, so a tenant beyond the bound is simply checked every time (one round trip), never
 * trusted on an old check.
 */
class SearchPathTest {

    @Test
    void checksOfAtMostTenThousandTenantsAreKeptAndThoseKeptAreRefreshed() {
        SearchPath searchPath = new SearchPath("public", List.of());
        for (int i = 0; i < 10_000; i++) {
            searchPath.checked(SchemaName.of("tenant_" + i), null, i);
        }
        SchemaName beyond = SchemaName.of("tenant_beyond");
        searchPath.checked(beyond, null, 1);
        assertThat(searchPath.lastCheck(beyond)).as("beyond the bound: checked every time").isNull();

        SchemaName kept = SchemaName.of("tenant_0");
        searchPath.checked(kept, "\"tenant_0\", \"public\"", 42);
        assertThat(searchPath.lastCheck(kept)).isEqualTo(new SearchPath.Check("\"tenant_0\", \"public\"", 42));
        searchPath.checked(null, null, 7);
        assertThat(searchPath.lastCheck(null).nanos()).isEqualTo(7);
    }
}
