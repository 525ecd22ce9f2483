package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.sample.TenantRegistrationTest.Output;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code create-super-super-admin}: creates a platform administrator, and never changes an existing user. */
@SampleAppTest
class SuperSuperAdminCommandTest {

    @Autowired
    SampleFixture fixture;

    @Autowired
    CommandDispatcher commands;

    @Test
    void theCommandCreatesASuperSuperAdminWhoManagesTenants() {
        String username = Names.username("root");
        Output output = new Output();

        int exit = commands.execute(List.of("create-super-super-admin", "--email=root@example.com",
                "--password=admin123", "--username=" + username), output.out, output.err);

        assertThat(exit).isZero();
        assertThat(output.out()).contains("Super super admin created: " + username);
        SampleClient.Response tenants = fixture.client().on("localhost").as(username, "admin123")
                .get("/api/admin/tenants/");
        assertThat(tenants.status()).isEqualTo(200);
    }

    @Test
    void anExistingUsernameIsReportedAndLeftUnchanged() {
        String username = Names.username("root");
        commands.execute(List.of("create-super-super-admin", "--email=first@example.com", "--password=first",
                "--username=" + username), new Output().out, new Output().err);
        Output output = new Output();

        int exit = commands.execute(List.of("create-super-super-admin", "--email=second@example.com",
                "--password=second", "--username=" + username), output.out, output.err);

        assertThat(exit).isZero();
        assertThat(output.out()).contains("Warning: user " + username + " already exists; nothing was changed.");
        SampleClient.Call platform = fixture.client().on("localhost");
        assertThat(platform.as(username, "first").get("/api/me").json().path("email").asString())
                .isEqualTo("first@example.com");
        assertThat(platform.as(username, "second").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void thePasswordCanComeFromStandardInputInsteadOfTheCommandLine() {
        String username = Names.username("piped");
        Output output = new Output();
        InputStream stdin = System.in;
        int exit;
        try {
            System.setIn(new ByteArrayInputStream("from-stdin\n".getBytes(StandardCharsets.UTF_8)));
            exit = commands.execute(List.of("create-super-super-admin", "--email=piped@example.com",
                    "--username=" + username), output.out, output.err);
        } finally {
            System.setIn(stdin);
        }

        assertThat(exit).isZero();
        assertThat(output.err()).doesNotContain("shell history");
        assertThat(fixture.client().on("localhost").as(username, "from-stdin").get("/api/me").status())
                .isEqualTo(200);
    }

    @Test
    void anInvalidEmailIsAUsageError() {
        Output output = new Output();

        int exit = commands.execute(List.of("create-super-super-admin", "--email=nope", "--password=pw",
                "--username=" + Names.username("bad")), output.out, output.err);

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("email must be an e-mail address");
    }
}
