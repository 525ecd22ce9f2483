package dev.tenancy.benchmarks.harness;

import dev.tenancy.benchmarks.app.BenchmarkApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One command of the benchmark application ({@code java ... BenchmarkApplication [settings] <command> [options]})
 * run to its end in a child JVM on this JVM's class path: its wall time and what it printed.
 *
 * @param seconds from starting the JVM to its exit
 * @param out the lines of standard output
 * @param err the lines of standard error
 */
public record CommandProcess(double seconds, List<String> out, List<String> err) {

    /**
     * Runs a command against {@code database}'s URL and user.
     *
     * @param jvmOptions options of the child JVM, e.g. {@code -Xmx512m}
     * @param commandLine application settings ({@code --name=value}), then the command and its options
     * @throws IllegalStateException when the command exits non-zero
     */
    public static CommandProcess run(String jdbcUrl, String username, String password, List<String> jvmOptions,
            List<String> commandLine) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkApplication.class.getName(),
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username));
        if (password != null) {
            command.add("--spring.datasource.password=" + password);
        }
        command.addAll(commandLine);
        Path out = Files.createTempFile("tenancy-command-out-", ".log");
        Path err = Files.createTempFile("tenancy-command-err-", ".log");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> errLines = Files.readAllLines(err);
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", commandLine) + " exited with " + exit + ":\n"
                        + String.join("\n", errLines.subList(Math.max(0, errLines.size() - 30), errLines.size())));
            }
            return new CommandProcess(seconds, Files.readAllLines(out), errLines);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
