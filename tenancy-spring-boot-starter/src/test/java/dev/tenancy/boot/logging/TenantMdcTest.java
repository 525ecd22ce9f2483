package dev.tenancy.boot.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.boot.testapp.SchemaLog;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every line logged while code works for a tenant carries that tenant in the MDC under "tenant", and no line logged
 * in public carries one: each line says which schema PostgreSQL worked in, and its MDC must agree.
 */
@TestAppTest
class TenantMdcTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SchemaLog schemaLog;

    @Autowired
    CommandDispatcher commands;

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureLines() {
        lines.start();
        logger().addAppender(lines);
    }

    @AfterEach
    void stopCapturing() {
        logger().detachAppender(lines);
    }

    @Test
    void aRequestsLogLinesCarryItsTenantAndPublicRequestsCarryNone() throws Exception {
        mvc.perform(get("/log").header("Host", "alpha.example.com")).andExpect(content().string("tenant_alpha"));
        mvc.perform(get("/log").header("Host", "localhost")).andExpect(content().string("public"));
        mvc.perform(get("/log").header("Host", "beta.example.com")).andExpect(content().string("tenant_beta"));

        assertThat(tenantsOfLines()).containsExactly("tenant_alpha", "none", "tenant_beta");
        assertThat(MDC.get("tenant")).isNull();
    }

    @Test
    void anAsyncTasksLogLinesCarryTheTenantOfItsCallerAndTheNextPublicTaskCarriesNone() throws Exception {
        Tenants.call(SchemaName.of("tenant_beta"), schemaLog::logLater).get(10, TimeUnit.SECONDS);
        Tenants.callInPublic(schemaLog::logLater).get(10, TimeUnit.SECONDS);
        Tenants.call(SchemaName.of("tenant_alpha"), schemaLog::logLater).get(10, TimeUnit.SECONDS);

        assertThat(tenantsOfLines()).containsExactly("tenant_beta", "none", "tenant_alpha");
    }

    @Test
    void aCommandRunInEveryTenantLogsEachLineWithItsTenant() {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        assertThat(commands.execute(List.of("tenant-command", "--all-tenants", "log-schema"), discard, discard))
                .isZero();
        assertThat(commands.execute(List.of("log-schema"), discard, discard)).isZero();

        assertThat(tenantsOfLines()).containsExactly("tenant_alpha", "tenant_beta", "none");
        assertThat(MDC.get("tenant")).isNull();
    }

    /** For each captured line, the tenant in its MDC ("none" if absent), after checking it is the logged schema. */
    private List<String> tenantsOfLines() {
        return lines.list.stream().map(line -> {
            String tenant = line.getMDCPropertyMap().get("tenant");
            String schema = line.getArgumentArray()[0].toString();
            assertThat(tenant).as("MDC of '%s'", line.getFormattedMessage())
                    .isEqualTo("public".equals(schema) ? null : schema);
            return tenant == null ? "none" : tenant;
        }).toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(SchemaLog.class);
    }
}
