package dev.tenancy.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.sql.DataSource;

/**
 * A tenant whose schema has gone (dropped or renamed by hand, or by another instance) while its row still says ACTIVE:
 * its requests get 503, never the rows of the {@code public} table of the same name.
 */
@TestAppTest
class MissingSchemaRequestTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    private JdbcTemplate raw;

    @BeforeEach
    void anActiveTenantWhoseSchemaIsGoneAndANotesTableInPublic() throws Exception {
        raw = new JdbcTemplate(dataSource.unwrap(TenantAwareDataSource.class).target());
        raw.execute("CREATE TABLE public.notes (id bigserial PRIMARY KEY, body text)");
        raw.update("INSERT INTO public.notes (body) VALUES ('public note')");
        Long id = raw.queryForObject("INSERT INTO public.tenants (schema_name, status, name) "
                + "VALUES ('tenant_vanished', 'ACTIVE', 'tenant_vanished') RETURNING id", Long.class);
        raw.update("INSERT INTO public.domains (domain, tenant_id, is_primary) VALUES ('vanished.example.com', ?, true)",
                id);
    }

    @AfterEach
    void removeThem() {
        raw.execute("DROP TABLE public.notes");
        raw.update("DELETE FROM public.tenants WHERE schema_name = 'tenant_vanished'");
    }

    @Test
    void requestsOfATenantWhoseSchemaIsMissingAre503NeverPublicsRows() throws Exception {
        for (String path : new String[] {"/notes", "/notes/jdbc"}) {
            MvcResult result = mvc.perform(get(path).header("Host", "vanished.example.com"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().json("{\"error\":\"This tenant is temporarily unavailable.\"}",
                            JsonCompareMode.STRICT))
                    .andReturn();
            assertThat(result.getResponse().getContentAsString())
                    .doesNotContain("tenant_vanished").doesNotContain("public note");
        }
    }
}
