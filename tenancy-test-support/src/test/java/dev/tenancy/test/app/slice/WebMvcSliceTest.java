package dev.tenancy.test.app.slice;

import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantTest;
import dev.tenancy.test.app.SchemaController;

import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

/**
 * {@code @WebMvcTest} with {@code @TenantTest}: the slice has Tenancy's request filter, so requests are routed by
 * host as in the application. {@code @AutoConfigureJdbc} gives the slice the DataSource the filter's tenant directory
 * reads (and Tenancy's DataSource set-up with it).
 */
@TenantTest(schema = "slice_web", domain = "web.example.com")
@WebMvcTest(SchemaController.class)
@AutoConfigureJdbc
class WebMvcSliceTest {

    @Test
    void aRequestOnTheTenantsHostRunsInTheTenant(TenantClient client) {
        client.get("/schema").expectStatus().isOk().expectBody(String.class).isEqualTo("slice_web");
    }

    @Test
    void aRequestOnAnUnknownHostIsRefusedByTheFilter(TenantClient client) {
        client.rest().get().uri("/schema").header("Host", "nobody.example.com").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aRequestOnThePublicHostRunsInPublic(TenantClient client) {
        client.rest().get().uri("/schema").header("Host", "localhost").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("public");
    }
}
