package dev.tenancy.boot.cli;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When the application is started with a command ({@code java -jar app.jar <command> ...}), starts it without a web
 * server and without the banner: the command runs, prints what it did, and the application exits. Spring binds
 * {@code spring.main.*} to the application after environment post-processors run, so this works with a plain
 * {@code SpringApplication.run}. Does nothing when {@code tenancy.enabled} or {@code tenancy.commands.enabled} is
 * false.
 *
 * <p>A command prints what it did and nothing else: unless the command line holds {@code --verbose}, the application
 * starts without its start-up report and logs only warnings and errors ({@code logging.level.root} becomes
 * {@code WARN}). When the process is the command's, i.e. exits after it ({@code tenancy.commands.exit-when-done},
 * the default), the console log's threshold becomes {@code WARN} too ({@code logging.threshold.console}, so loggers
 * an application set to {@code INFO} stay quiet) and standard output carries the command's result alone: log lines
 * of any level, and anything else printed to {@code System.out}, go to standard error (see {@link CommandConsole}).
 * Both settings reach beyond one application context, which is why a process that keeps running (e.g. a test JVM)
 * does without them.
 *
 * <p>Beans are created lazily ({@code spring.main.lazy-initialization}, unless the application sets it), so a
 * command starts only what it uses: e.g. {@code list-tenants} never builds the JPA {@code EntityManagerFactory}.
 * Start-up work that must run anyway (Tenancy's start-up migrations and recovery) is exempt.
 *
 * <p>It also limits what start-up migrates ({@code tenancy.migrations.on-startup}) when a command runs:
 * <ul>
 * <li>{@code migrate-schemas}: nothing. The command migrates itself, with its progress, report and exit code; a
 * failing migration at start-up would stop the application before the command could run or report.</li>
 * <li>any other command: at most the shared schema ({@code all} becomes {@code shared}). A command must be able to
 * run while some tenant's migration fails (e.g. {@code delete-tenant} on that tenant), and should not wait for the
 * whole fleet first; run {@code migrate-schemas} for that.</li>
 * </ul>
 */
final class CommandModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "tenancyCommandMode";

    private static final String ON_STARTUP = "tenancy.migrations.on-startup";
    private static final String LAZY_INITIALIZATION = "spring.main.lazy-initialization";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("tenancy.enabled", Boolean.class, true)
                || !environment.getProperty("tenancy.commands.enabled", Boolean.class, true)) {
            return;
        }
        Optional<String> command = command(environment);
        if (command.isEmpty()) {
            return;
        }
        Map<String, Object> settings = new HashMap<>(Map.of(
                "spring.main.web-application-type", "none",
                "spring.main.banner-mode", "off"));
        boolean ownsProcess = environment.getProperty("tenancy.commands.exit-when-done", Boolean.class, true);
        if (!verbose(environment)) {
            settings.put("spring.main.log-startup-info", "false");
            settings.put("logging.level.root", "WARN");
            if (ownsProcess) {
                settings.put("logging.threshold.console", "WARN");
            }
        }
        if (!environment.containsProperty(LAZY_INITIALIZATION)) {
            settings.put(LAZY_INITIALIZATION, "true");
        }
        if (ownsProcess) {
            CommandConsole.reserveStandardOutput();
        }
        if (command.get().equals("migrate-schemas")) {
            settings.put(ON_STARTUP, "none");
        } else if (Binder.get(environment).bind(ON_STARTUP, String.class).orElse("").equalsIgnoreCase("all")) {
            settings.put(ON_STARTUP, "shared");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, settings));
    }

    /** Whether {@code --verbose} is on the command line (Spring reads it as an option, wherever it stands). */
    private static boolean verbose(ConfigurableEnvironment environment) {
        PropertySource<?> commandLine = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        return commandLine != null && commandLine.containsProperty(CommandLines.VERBOSE.substring(2));
    }

    /** The command's name: the first argument that is not an option (or the first after a lone {@code --}). */
    private static Optional<String> command(ConfigurableEnvironment environment) {
        PropertySource<?> commandLine = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (commandLine == null) {
            return Optional.empty();
        }
        Object nonOptionArguments = commandLine.getProperty(
                CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
        if (!(nonOptionArguments instanceof String value) || value.isEmpty()) {
            return Optional.empty();
        }
        int comma = value.indexOf(',');
        return Optional.of(comma < 0 ? value : value.substring(0, comma));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
