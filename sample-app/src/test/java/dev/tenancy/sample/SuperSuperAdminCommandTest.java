package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.test.TenantClient;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code create-super-super-admin}: creates a platform administrator, and never changes an existing user. (See
 * {@link CommandModeTest} for the command run from the application's command line, as the requirements write it.)
 */
@SampleAppTest
class SuperSuperAdminCommandTest {

    @Autowired
    CommandDispatcher commands;

    @Test
    void theCommandCreatesASuperSuperAdminWhoManagesTenants(TenantClient client) {
        String username = Names.username("root");

        CommandRun run = CommandRun.of(commands, "create-super-super-admin", "--email=root@example.com",
                "--password=admin123", "--username=" + username);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Super super admin created: " + username);
        client.withHost("localhost").withBasicAuth(username, "admin123").get("/api/admin/tenants/")
                .expectStatus().isOk();
    }

    @Test
    void anExistingUsernameIsReportedAndLeftUnchanged(TenantClient client) {
        String username = Names.username("root");
        CommandRun.of(commands, "create-super-super-admin", "--email", "first@example.com", "--password", "first",
                "--username", username);

        CommandRun again = CommandRun.of(commands, "create-super-super-admin", "--email", "second@example.com",
                "--password", "second", "--username", username);

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("Warning: user " + username + " already exists; nothing was changed.");
        TenantClient platform = client.withHost("localhost");
        platform.withBasicAuth(username, "first").get("/api/me").expectBody()
                .jsonPath("$.email").isEqualTo("first@example.com");
        platform.withBasicAuth(username, "second").get("/api/me").expectStatus().isUnauthorized();
    }

    @Test
    void thePasswordCanComeFromStandardInputInsteadOfTheCommandLine(TenantClient client) {
        String username = Names.username("piped");
        InputStream stdin = System.in;
        CommandRun run;
        try {
            System.setIn(new ByteArrayInputStream("from-stdin\n".getBytes(StandardCharsets.UTF_8)));
            run = CommandRun.of(commands, "create-super-super-admin", "--email=piped@example.com",
                    "--username=" + username);
        } finally {
            System.setIn(stdin);
        }

        assertThat(run.exit()).isZero();
        assertThat(run.err()).doesNotContain("shell history");
        client.withHost("localhost").withBasicAuth(username, "from-stdin").get("/api/me").expectStatus().isOk();
    }

    @Test
    void anInvalidEmailIsAUsageError() {
        CommandRun run = CommandRun.of(commands, "create-super-super-admin", "--email=nope", "--password=pw",
                "--username=" + Names.username("bad"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("email must be an e-mail address");
    }
}
