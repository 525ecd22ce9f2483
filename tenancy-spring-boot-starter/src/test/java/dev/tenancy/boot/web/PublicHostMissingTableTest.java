package dev.tenancy.boot.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An endpoint marked neither public nor tenant, whose table exists only in tenant schemas: on the public host it is
 * not found (404, a plain message) instead of failing with 500; on tenant hosts it works, and a table missing from a
 * tenant schema stays a server error there.
 */
@TestAppTest
class PublicHostMissingTableTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anUnmarkedEndpointReadingTenantTablesIsNotFoundOnThePublicHost() throws Exception {
        mvc.perform(get("/archive").header("Host", "localhost"))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"Not found.\"}", JsonCompareMode.STRICT));
    }

    @Test
    void theSameEndpointServesTheTenantOnATenantHost() throws Exception {
        mvc.perform(get("/archive").header("Host", "alpha.example.com"))
                .andExpect(status().isOk())
                .andExpect(content().json("[\"alpha note\"]", JsonCompareMode.STRICT));
    }

    @Test
    void aTableMissingFromATenantSchemaStaysAServerError() {
        assertThatThrownBy(() -> mvc.perform(get("/archive/broken").header("Host", "alpha.example.com")))
                .hasRootCauseMessage("ERROR: relation \"no_such_table\" does not exist\n  Position: 18")
                .cause().isInstanceOf(BadSqlGrammarException.class);
    }
}
