package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class CommandModeEnvironmentPostProcessorTest {

    private static StandardEnvironment process(String... args) {
        return process(new MockPropertySource(), args);
    }

    /** Processes as in a test JVM, which must keep its standard output (so the command does not exit the JVM). */
    private static StandardEnvironment process(MockPropertySource settings, String... args) {
        settings.setProperty("tenancy.commands.exit-when-done", "false");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(settings);
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        new CommandModeEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void aCommandOnTheCommandLineTurnsTheWebServerOff() {
        assertThat(process("--debug", "list-tenants").getProperty("spring.main.web-application-type"))
                .isEqualTo("none");
    }

    @Test
    void optionsAloneStartTheApplicationAsUsual() {
        assertThat(process("--server.port=0").getProperty("spring.main.web-application-type")).isNull();
    }

    @Test
    void optionValuesAfterTheCommandAreNotTakenForTheCommand() {
        MockPropertySource all = new MockPropertySource().withProperty("tenancy.migrations.on-startup", "all");
        StandardEnvironment environment = process(all, "--server.port=9000", "migrate-schemas", "--schema",
                "tenant_acme");

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("tenancy.migrations.on-startup")).isEqualTo("none");
        assertThat(environment.getProperty("server.port")).isEqualTo("9000");
    }

    @Test
    void springBootOptionsWithoutACommandStartTheWebApplication() {
        StandardEnvironment environment = process("--server.port=9000", "--debug");

        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        assertThat(environment.getProperty("server.port")).isEqualTo("9000");
    }

    @Test
    void commandsSwitchedOffLeaveTheApplicationAlone() {
        MockPropertySource off = new MockPropertySource().withProperty("tenancy.commands.enabled", "false");
        assertThat(process(off, "list-tenants").getProperty("spring.main.web-application-type")).isNull();
        MockPropertySource disabled = new MockPropertySource().withProperty("tenancy.enabled", "false");
        assertThat(process(disabled, "list-tenants").getProperty("spring.main.web-application-type")).isNull();
    }

    @Test
    void migrateSchemasStartsWithoutStartUpMigrations() {
        MockPropertySource all = new MockPropertySource().withProperty("tenancy.migrations.on-startup", "all");
        assertThat(process(all, "migrate-schemas", "--tenant").getProperty("tenancy.migrations.on-startup"))
                .isEqualTo("none");
        assertThat(process("--", "migrate-schemas").getProperty("tenancy.migrations.on-startup")).isEqualTo("none");
    }

    @Test
    void otherCommandsMigrateAtMostTheSharedSchemaAtStartUp() {
        MockPropertySource all = new MockPropertySource().withProperty("tenancy.migrations.on-startup", "ALL");
        assertThat(process(all, "list-tenants").getProperty("tenancy.migrations.on-startup")).isEqualTo("shared");
        MockPropertySource none = new MockPropertySource().withProperty("tenancy.migrations.on-startup", "none");
        assertThat(process(none, "list-tenants").getProperty("tenancy.migrations.on-startup")).isEqualTo("none");
        assertThat(process(all, "--server.port=0").getProperty("tenancy.migrations.on-startup")).isEqualTo("ALL");
    }

    @Test
    void aCommandStartsQuietlyAndLazilyUnlessVerbose() {
        StandardEnvironment quiet = process("list-tenants");
        assertThat(quiet.getProperty("logging.level.root")).isEqualTo("WARN");
        assertThat(quiet.getProperty("logging.threshold.console")).isNull();
        assertThat(quiet.getProperty("spring.main.log-startup-info")).isEqualTo("false");
        assertThat(quiet.getProperty("spring.main.lazy-initialization")).isEqualTo("true");

        StandardEnvironment verbose = process("list-tenants", "--verbose");
        assertThat(verbose.getProperty("logging.level.root")).isNull();
        assertThat(verbose.getProperty("spring.main.log-startup-info")).isNull();
    }

    @Test
    void anApplicationsOwnLazyInitialisationSettingIsKept() {
        MockPropertySource eager = new MockPropertySource().withProperty("spring.main.lazy-initialization", "false");
        assertThat(process(eager, "list-tenants").getProperty("spring.main.lazy-initialization")).isEqualTo("false");
    }
}
