package dev.tenancy.boot.cli;

import dev.tenancy.core.migration.MigrationListener.MigrationProgress;
import dev.tenancy.core.migration.MigrationListener;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints a migration run's progress ({@link MigrationProgress#line()}) for {@code migrate-schemas}. On a terminal it
 * keeps one line up to date with carriage returns; otherwise (a log file, a CI console) it prints a line at every
 * tenth of the way and at least every few seconds, so the output stays readable and short.
 */
final class ProgressPrinter implements MigrationListener {

    private static final int PERCENT_STEP = 10;
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final PrintStream out;
    private final boolean terminal;
    private int width;
    private int nextPercent = PERCENT_STEP;
    private Duration nextTime = INTERVAL;

    /** A printer writing to {@code out}, with carriage returns when {@code terminal}. */
    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A printer for {@code out}, which counts as a terminal only when it is the JVM's interactive console. */
    static ProgressPrinter to(PrintStream out) {
        return new ProgressPrinter(out, out == System.out && interactive());
    }

    @Override
    public void progress(MigrationProgress progress) {
        boolean last = progress.done() >= progress.total();
        if (terminal) {
            String line = progress.line();
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            if (last) {
                finish();
            }
            out.flush();
            return;
        }
        int percent = (int) (100L * progress.done() / progress.total());
        if (last || percent >= nextPercent || progress.elapsed().compareTo(nextTime) >= 0) {
            out.println(progress.line());
            nextPercent = last ? PERCENT_STEP : (percent / PERCENT_STEP + 1) * PERCENT_STEP;
            nextTime = last ? INTERVAL : progress.elapsed().plus(INTERVAL);
        }
    }

    /** Ends a progress line left open on a terminal (a run cut short); call it before printing anything else. */
    void finish() {
        if (width > 0) {
            out.println();
            width = 0;
        }
    }

    /** Whether the JVM has an interactive console; from Java 22 a console exists for redirected output too. */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
