package dev.tenancy.benchmarks.harness;

import dev.tenancy.benchmarks.app.BenchmarkApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark application running in a child JVM on this JVM's class path, on a port of its own, against a
 * {@link BenchmarkDatabase}; optionally pinned to some CPUs with {@code taskset}. Its output goes to a log file.
 * It can be {@linkplain #pause() paused} while another server is measured; whatever happens, the JVM ends with the
 * harness: {@link #close()} resumes and stops it, and a shutdown hook does the same if the harness exits first.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile(BenchmarkApplication.READY + " startup_ms=(\\d+)"
            + " jvm_uptime_ms=(\\d+) port=(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final Process process;
    private final Path log;
    private volatile int port = -1;
    private long startupMillis = -1;
    private long jvmUptimeMillis = -1;
    private volatile boolean paused;
    private final Thread stopOnExit = new Thread(this::stopOnHarnessExit);

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the application; call {@link #awaitReady()} before sending requests.
     *
     * @param cpus a {@code taskset} CPU list (e.g. {@code "0"}), or {@code null} to run unpinned
     * @param jvmOptions options for the child JVM (heap, JFR, ...)
     * @param settings application settings, as {@code --name=value}
     */
    public static ServerProcess start(String name, BenchmarkDatabase database, String cpus, List<String> jvmOptions,
            List<String> settings) throws IOException {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkApplication.class.getName(),
                "--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username()));
        if (database.password() != null) {
            command.add("--spring.datasource.password=" + database.password());
        }
        command.addAll(settings);
        Path log = Files.createTempFile("tenancy-benchmark-" + name + "-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess(name, process, log);
    }

    /**
     * Waits until the application serves requests (its start-up line), or fails with the end of its log. On failure
     * the process is stopped first (its log is kept), so that {@code try (ServerProcess s = start(..).awaitReady())}
     * leaves no JVM behind.
     */
    public ServerProcess awaitReady() throws IOException, InterruptedException {
        return awaitReady(START_TIMEOUT);
    }

    /** {@link #awaitReady()} with a time limit of the caller's choosing. */
    public ServerProcess awaitReady(Duration timeout) throws IOException, InterruptedException {
        try {
            return pollUntilReady(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    private ServerProcess pollUntilReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<Matcher> ready = Files.readAllLines(log).stream().map(READY::matcher).filter(Matcher::find)
                    .findFirst();
            if (ready.isPresent()) {
                startupMillis = Long.parseLong(ready.get().group(1));
                jvmUptimeMillis = Long.parseLong(ready.get().group(2));
                port = Integer.parseInt(ready.get().group(3));
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The " + name + " server exited with " + process.exitValue()
                        + " before serving; its log (" + log + ") ends with:\n" + tail());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The " + name + " server did not start within " + timeout + "; its log ("
                + log + ") ends with:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public String name() {
        return name;
    }

    /** The port it listens on (chosen by the system, which prevents clashes), known once it is ready. */
    public int port() {
        return port;
    }

    /** The process id, e.g. for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /** Spring Boot's start-up time (context refresh to ready), in milliseconds. */
    public long startupMillis() {
        return startupMillis;
    }

    /** Time from the JVM's launch to ready, in milliseconds. */
    public long jvmUptimeMillis() {
        return jvmUptimeMillis;
    }

    /**
     * Suspends the JVM ({@code SIGSTOP}) so that it takes no CPU from the server being measured, keeping its compiled
     * code, heap and pooled connections; does nothing when it is already paused.
     */
    public void pause() {
        if (!paused) {
            signal("STOP");
            paused = true;
        }
    }

    /** Lets a {@linkplain #pause() paused} JVM run again ({@code SIGCONT}); does nothing when it runs. */
    public void resume() {
        if (paused) {
            signal("CONT");
            paused = false;
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " (the " + name
                        + " server) failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run kill -" + signal + " for the " + name + " server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling the " + name + " server", e);
        }
    }

    private void stopOnHarnessExit() {
        if (paused) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
    }

    /** Stops the application, waits for it to exit, and deletes its log. */
    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) already and stops the process itself
        }
        if (paused && process.isAlive()) {
            resume();
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
