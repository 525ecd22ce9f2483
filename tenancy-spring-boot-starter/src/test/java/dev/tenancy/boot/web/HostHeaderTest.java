package dev.tenancy.boot.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A request must name exactly one host: with two {@code Host} headers, no tenant is picked and nothing is served. */
@TestAppTest
class HostHeaderTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aRequestWithTwoHostHeadersIsRefusedWith400() throws Exception {
        mvc.perform(get("/notes/jdbc").header("Host", "alpha.example.com", "beta.example.com"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\":\"The request has more than one Host header; send exactly one.\"}"));
        mvc.perform(get("/notes/jdbc").header("Host", "alpha.example.com", "alpha.example.com"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aRequestWithOneHostHeaderIsServed() throws Exception {
        mvc.perform(get("/notes/jdbc").header("Host", "alpha.example.com"))
                .andExpect(status().isOk()).andExpect(content().json("[\"alpha note\"]"));
    }
}
