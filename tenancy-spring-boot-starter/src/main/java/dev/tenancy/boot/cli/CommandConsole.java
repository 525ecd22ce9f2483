package dev.tenancy.boot.cli;

import java.io.PrintStream;

/**
 * Where a command's own output goes. A process started only to run a command (one that exits when the command is
 * done) keeps standard output for the command's result: {@link CommandModeEnvironmentPostProcessor} points
 * {@code System.out} at standard error before logging starts, so log lines and whatever libraries print go there,
 * and remembers the real standard output here for the {@link TenancyCommandRunner}.
 */
public final class CommandConsole {

    private static volatile PrintStream standardOutput;

    private CommandConsole() {
    }

    /** The stream a command's result is printed to: the process's standard output. */
    public static PrintStream out() {
        PrintStream kept = standardOutput;
        return kept != null ? kept : System.out;
    }

    /** Keeps the process's standard output for commands and sends everything else written to it to standard error. */
    static synchronized void reserveStandardOutput() {
        if (standardOutput == null) {
            standardOutput = System.out;
            System.setOut(System.err);
        }
    }
}
