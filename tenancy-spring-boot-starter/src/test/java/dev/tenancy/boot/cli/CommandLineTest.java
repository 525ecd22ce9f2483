package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppDatabase;
import dev.tenancy.boot.testapp.TestApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * The whole application started with a command line, in-process, as {@code java -jar app.jar <command>} would: the
 * command runs instead of the web server, and its exit code becomes the application's (read here through
 * {@link SpringApplication#exit}; the tests' configuration keeps the JVM running).
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTest {

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(TestApplication.class).initializers(new TestAppDatabase()).run(args);
    }

    @Test
    void aCommandRunsInsteadOfTheWebServerAndItsExitCodeIsTheApplications(CapturedOutput output) {
        ConfigurableApplicationContext context = start("--spring.jpa.show-sql=false", "list-tenants");

        assertThat(context).isNotInstanceOf(WebApplicationContext.class);
        assertThat(SpringApplication.exit(context)).isZero();
        assertThat(output.getOut()).contains("tenant_alpha").containsPattern("\\d+ tenants\\.");
    }

    @Test
    void aCommandPrintsItsResultLinesAndNothingElse(CapturedOutput output) {
        ConfigurableApplicationContext context = start("--logging.level.root=INFO", "list-tenants");

        assertThat(SpringApplication.exit(context)).isZero();
        assertThat(output.getOut().lines().toList()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("SCHEMA +STATUS +DOMAINS|tenant_\\w+ +[A-Z]+ +.*|\\d+ tenants?\\."));
        assertThat(output.getErr()).isEmpty();
    }

    @Test
    void verboseLetsTheApplicationLogAsUsual(CapturedOutput output) {
        ConfigurableApplicationContext context = start("--logging.level.root=INFO", "list-tenants", "--verbose");

        assertThat(SpringApplication.exit(context)).isZero();
        assertThat(output.getOut()).contains(" INFO ", "Started ", "tenant_alpha");
    }

    @Test
    void aCommandStartsOnlyTheBeansItUses() {
        ConfigurableApplicationContext context = start("list-tenants");

        assertThat(SpringApplication.exit(context)).isZero();
        assertThat(context.getBeanFactory().containsSingleton("entityManagerFactory")).isFalse();
    }

    @Test
    void migrateSchemasRunsWithoutStartUpMigrationsSoItCanReportTheirFailures(CapturedOutput output) {
        ConfigurableApplicationContext context = start("--tenancy.migrations.on-startup=all", "migrate-schemas",
                "--shared");

        assertThat(SpringApplication.exit(context)).isZero();
        assertThat(context.getEnvironment().getProperty("tenancy.migrations.on-startup")).isEqualTo("none");
        assertThat(output.getOut()).contains("Migrating the shared schema...", "1 schemas in");
    }

    @Test
    void aMalformedCommandLineMakesTheApplicationExitNonZero(CapturedOutput output) {
        ConfigurableApplicationContext context = start("create-domain", "--domain=gamma.example.com");

        assertThat(SpringApplication.exit(context)).isEqualTo(TenancyCommand.USAGE);
        assertThat(output.getErr()).contains("Missing option --schema=NAME.");
    }

    @Test
    void aFailingCommandMakesTheApplicationExitNonZero() {
        ConfigurableApplicationContext context = start("--", "delete-domain", "--domain=never.example.com");

        assertThat(SpringApplication.exit(context)).isEqualTo(TenancyCommand.FAILURE);
    }
}
