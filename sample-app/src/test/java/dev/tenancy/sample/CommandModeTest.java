package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar sample-app.jar <command> [--options]}: the application starts without its web server, runs the
 * command and ends with its exit code.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandModeTest {

    @Test
    void theApplicationRunsACommandWithoutAWebServer(CapturedOutput output) {
        String username = Names.username("cli");
        List<String> args = new ArrayList<>();
        for (String property : SampleDatabase.properties()) {
            args.add("--" + property);
        }
        args.addAll(List.of("--tenancy.commands.exit-when-done=false", "create-super-super-admin",
                "--email=cli@example.com", "--password=cli-password", "--username=" + username));

        try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
                args.toArray(String[]::new))) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(SpringApplication.exit(context)).isZero();
        }
        assertThat(output.getOut()).contains("Super super admin created: " + username);
    }
}
