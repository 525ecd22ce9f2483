package dev.tenancy.boot.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.testapp.CachedSchemas;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;

import java.util.function.Supplier;

/**
 * What every cache manager under Tenancy must do: entries written for one tenant are never read by another tenant
 * or by public code, and evictions touch only the current tenant's entries. The cached method reads the schema its
 * connection works in from PostgreSQL, with a count of real reads.
 */
abstract class TenantCacheContract {

    static final SchemaName ALPHA = SchemaName.of("tenant_alpha");
    static final SchemaName BETA = SchemaName.of("tenant_beta");

    @Autowired
    CachedSchemas schemas;

    @Autowired
    CacheManager cacheManager;

    /** The application's cache manager behind Tenancy's. */
    CacheManager storingManager() {
        assertThat(cacheManager).isInstanceOf(TenantCacheManager.class);
        return ((TenantCacheManager) cacheManager).target();
    }

    @Test
    void aValueCachedForOneTenantIsNeverReturnedToAnotherTenantOrToPublic() {
        String alpha = in(ALPHA, () -> schemas.describe("shared-key"));
        assertThat(alpha).startsWith("tenant_alpha:shared-key#");
        assertThat(in(ALPHA, () -> schemas.describe("shared-key"))).isEqualTo(alpha);

        assertThat(in(BETA, () -> schemas.describe("shared-key"))).startsWith("tenant_beta:shared-key#");
        assertThat(Tenants.callInPublic(() -> schemas.describe("shared-key"))).startsWith("public:shared-key#");
        assertThat(in(ALPHA, () -> schemas.describe("shared-key"))).isEqualTo(alpha);
    }

    @Test
    void cachedRowsOfOneTenantNeverReachAnother() {
        assertThat(in(ALPHA, schemas::notes)).containsExactly("alpha note");
        assertThat(in(BETA, schemas::notes)).containsExactly("beta note");
        assertThat(in(ALPHA, schemas::notes)).containsExactly("alpha note");
    }

    @Test
    void cachePutReplacesOnlyTheCurrentTenantsEntry() {
        String alpha = in(ALPHA, () -> schemas.describe("put"));
        String beta = in(BETA, () -> schemas.describe("put"));

        String refreshed = in(ALPHA, () -> schemas.refresh("put"));

        assertThat(refreshed).isNotEqualTo(alpha).startsWith("tenant_alpha:put#");
        assertThat(in(ALPHA, () -> schemas.describe("put"))).isEqualTo(refreshed);
        assertThat(in(BETA, () -> schemas.describe("put"))).isEqualTo(beta);
    }

    @Test
    void evictingAKeyRemovesOnlyTheCurrentTenantsEntry() {
        String alpha = in(ALPHA, () -> schemas.describe("evict"));
        String beta = in(BETA, () -> schemas.describe("evict"));
        String inPublic = Tenants.callInPublic(() -> schemas.describe("evict"));

        Tenants.run(ALPHA, () -> schemas.forget("evict"));

        assertThat(in(ALPHA, () -> schemas.describe("evict"))).isNotEqualTo(alpha).startsWith("tenant_alpha:");
        assertThat(in(BETA, () -> schemas.describe("evict"))).isEqualTo(beta);
        assertThat(Tenants.callInPublic(() -> schemas.describe("evict"))).isEqualTo(inPublic);
    }

    @Test
    void evictingAllEntriesClearsOnlyTheCurrentTenantsEntries() {
        String alpha = in(ALPHA, () -> schemas.describe("all"));
        String beta = in(BETA, () -> schemas.describe("all"));
        String otherBeta = in(BETA, () -> schemas.describe("all-other"));
        String inPublic = Tenants.callInPublic(() -> schemas.describe("all"));

        Tenants.run(BETA, schemas::forgetAll);

        assertThat(in(BETA, () -> schemas.describe("all"))).isNotEqualTo(beta).startsWith("tenant_beta:");
        assertThat(in(BETA, () -> schemas.describe("all-other"))).isNotEqualTo(otherBeta);
        assertThat(in(ALPHA, () -> schemas.describe("all"))).isEqualTo(alpha);
        assertThat(Tenants.callInPublic(() -> schemas.describe("all"))).isEqualTo(inPublic);
    }

    @Test
    void anApplicationsOwnKeyGeneratorStillKeepsTenantsApart() {
        String alpha = in(ALPHA, () -> schemas.describeWithOwnKeys("own-keys", 1));
        assertThat(in(ALPHA, () -> schemas.describeWithOwnKeys("own-keys", 2))).isEqualTo(alpha);

        assertThat(in(BETA, () -> schemas.describeWithOwnKeys("own-keys", 1))).startsWith("tenant_beta:own-keys#");
    }

    @Test
    void anApplicationsOwnCacheResolverStillKeepsTenantsApart() {
        String alpha = in(ALPHA, () -> schemas.describeWithOwnResolver("own-resolver"));
        assertThat(in(ALPHA, () -> schemas.describeWithOwnResolver("own-resolver"))).isEqualTo(alpha);

        assertThat(in(BETA, () -> schemas.describeWithOwnResolver("own-resolver")))
                .startsWith("tenant_beta:own-resolver#");
        assertThat(Tenants.callInPublic(() -> schemas.describeWithOwnResolver("own-resolver")))
                .startsWith("public:own-resolver#");
    }

    private static <T> T in(SchemaName tenant, Supplier<T> read) {
        return Tenants.call(tenant, read::get);
    }
}
