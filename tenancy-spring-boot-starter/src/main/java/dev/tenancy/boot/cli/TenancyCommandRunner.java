package dev.tenancy.boot.cli;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Runs the command named on the application's command line ({@code java -jar app.jar <command> [--options]}) once
 * the application context is ready, before any other runner; without a command it does nothing and the application
 * runs as usual. The command's exit code is this bean's {@link ExitCodeGenerator} code; when {@code exitWhenDone}
 * (the default), the runner then closes the application and exits the JVM with it, so a plain
 * {@code SpringApplication.run(App.class, args)} main method works for commands too.
 */
public final class TenancyCommandRunner implements ApplicationRunner, ExitCodeGenerator, Ordered {

    private final CommandDispatcher dispatcher;
    private final ApplicationContext context;
    private final boolean exitWhenDone;
    private final PrintStream out;
    private final PrintStream err;
    private volatile int exitCode;

    /**
     * A runner printing to the process's standard output ({@link CommandConsole#out()}) and {@code System.err}.
     */
    public TenancyCommandRunner(CommandDispatcher dispatcher, ApplicationContext context, boolean exitWhenDone) {
        this(dispatcher, context, exitWhenDone, CommandConsole.out(), System.err);
    }

    /** A runner printing to the given streams. */
    public TenancyCommandRunner(CommandDispatcher dispatcher, ApplicationContext context, boolean exitWhenDone,
            PrintStream out, PrintStream err) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.context = Objects.requireNonNull(context, "context");
        this.exitWhenDone = exitWhenDone;
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> commandLine = CommandLines.commandLine(arguments.getSourceArgs());
        if (commandLine.isEmpty()) {
            return;
        }
        exitCode = dispatcher.execute(commandLine, out, err);
        out.flush();
        err.flush();
        if (exitWhenDone) {
            System.exit(SpringApplication.exit(context, this));
        }
    }

    /** The exit code of the command that ran; 0 when none ran. */
    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
