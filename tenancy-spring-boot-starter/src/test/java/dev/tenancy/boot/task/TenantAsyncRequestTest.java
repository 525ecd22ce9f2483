package dev.tenancy.boot.task;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Spring MVC's asynchronous answers read the request's tenant's rows, whichever thread produces them. */
@TestAppTest
class TenantAsyncRequestTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aCallableRunsInTheRequestsTenant() throws Exception {
        expect("/async/callable", "alpha.example.com", "[\"alpha note\"]");
        expect("/async/callable", "beta.example.com", "[\"beta note\"]");
    }

    @Test
    void aStreamingResponseBodyWritesTheRequestsTenantsRows() throws Exception {
        expect("/async/stream", "beta.example.com", "beta note");
        expect("/async/stream", "alpha.example.com", "alpha note");
    }

    @Test
    void aDeferredResultCompletedByAnAsyncMethodHasTheRequestsTenantsRows() throws Exception {
        expect("/async/deferred", "alpha.example.com", "[\"alpha note\"]");
        expect("/async/deferred", "beta.example.com", "[\"beta note\"]");
    }

    private void expect(String path, String host, String body) throws Exception {
        MvcResult started = mvc.perform(get(path).header("Host", host))
                .andExpect(request().asyncStarted())
                .andReturn();
        started.getAsyncResult(10_000);
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().string(body));
    }
}
