package dev.tenancy.test.app.slice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.TenantTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code @JdbcTest} with {@code @TenantTest}: JdbcTemplate works in the tenant's schema, on the test database. */
@TenantTest(schema = "slice_jdbc")
@JdbcTest
class JdbcSliceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void jdbcTemplateWorksInTheTenantsSchema() {
        jdbc.update("INSERT INTO notes (body) VALUES ('by jdbc')");

        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo("slice_jdbc");
        assertThat(jdbc.queryForList("SELECT body FROM slice_jdbc.notes", String.class)).containsExactly("by jdbc");
    }
}
