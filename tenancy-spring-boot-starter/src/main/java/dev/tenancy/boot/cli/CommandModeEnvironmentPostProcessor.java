package dev.tenancy.boot.cli;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import java.util.Map;

/**
 * When the application is started with a command ({@code java -jar app.jar <command> ...}), starts it without a web
 * server and without the banner: the command runs, prints what it did, and the application exits. Spring binds
 * {@code spring.main.*} to the application after environment post-processors run, so this works with a plain
 * {@code SpringApplication.run}. Does nothing when {@code tenancy.enabled} or {@code tenancy.commands.enabled} is
 * false.
 */
final class CommandModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "tenancyCommandMode";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("tenancy.enabled", Boolean.class, true)
                || !environment.getProperty("tenancy.commands.enabled", Boolean.class, true)
                || !startedWithCommand(environment)) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "spring.main.web-application-type", "none",
                "spring.main.banner-mode", "off")));
    }

    private static boolean startedWithCommand(ConfigurableEnvironment environment) {
        PropertySource<?> commandLine = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (commandLine == null) {
            return false;
        }
        Object nonOptionArguments = commandLine.getProperty(
                CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
        return nonOptionArguments instanceof String value && !value.isEmpty();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
