package dev.tenancy.test.app.slice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.TenantTest;
import dev.tenancy.test.TestTenant;
import dev.tenancy.test.app.Note;
import dev.tenancy.test.app.NoteRepository;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code @DataJpaTest} with {@code @TenantTest} and nothing else: the slice keeps the test database (no embedded
 * replacement), Tenancy migrates its shared schema and wraps its DataSource, and repositories work in the tenant.
 */
@TenantTest(schema = "slice_jpa")
@DataJpaTest
class DataJpaSliceTest {

    @Autowired
    NoteRepository notes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void repositoriesReadAndWriteTheTenantsSchema(TestTenant tenant) {
        notes.save(new Note("in the slice"));

        assertThat(notes.findAll()).extracting(Note::getBody).containsExactly("in the slice");
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo("slice_jpa");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM slice_jpa.notes", Integer.class)).isOne();
        assertThat(tenant.schema().value()).isEqualTo("slice_jpa");
    }

    @Test
    void theSharedSchemaIsMigratedAndHoldsTheTenant() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.tenants WHERE schema_name = 'slice_jpa'",
                Integer.class)).isOne();
    }
}
