package dev.tenancy.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Tenants#inPublic()} is true only where no tenant is current (applications use it as a guard). */
class TenantsInPublicTest {

    @Test
    void inPublicIsFalseInsideATenantAndTrueOutside() throws Exception {
        assertThat(Tenants.inPublic()).isTrue();
        Tenants.run(SchemaName.of("tenant_acme"), () -> assertThat(Tenants.inPublic()).isFalse());
        assertThat(Tenants.inPublic()).isTrue();
        Tenants.run(SchemaName.of("tenant_acme"),
                () -> Tenants.runInPublic(() -> assertThat(Tenants.inPublic()).isTrue()));
    }
}
