package dev.tenancy.test.postgres;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PgBouncer of its own, in <b>transaction pooling</b> mode, in front of this JVM's {@link TestPostgres} server: the
 * pooler hands each transaction of a client to whichever of its few server connections is free, as in production
 * set-ups that put PgBouncer between many application instances and PostgreSQL.
 *
 * <p>{@link #start(TestPostgres, int)} writes a configuration into a new temporary directory, starts the
 * {@code pgbouncer} binary (Debian's package: {@code apt-get install pgbouncer}) on a free loopback port and waits
 * until it accepts connections; {@link #close()} stops it and deletes the directory. When no {@code pgbouncer} binary
 * is found, {@code start} aborts the calling test with a JUnit assumption (the test is reported skipped, with the
 * reason), so a machine without PgBouncer still passes the build. The binary is looked up in
 * {@code TENANCY_TEST_PGBOUNCER} (a path), then on the {@code PATH}, then in {@code /usr/sbin}.
 *
 * <p>PgBouncer before 1.21 cannot keep server-side prepared statements in transaction mode (a statement prepared in
 * one transaction may be missing on the server connection of the next), so {@link #jdbcUrl(String)} then asks pgjdbc
 * for unnamed statements only ({@code prepareThreshold=0}); from 1.21 on, the pooler is started with
 * {@code max_prepared_statements} and the driver keeps its defaults.
 */
public final class TestPgBouncer implements AutoCloseable {

    /** Environment variable naming the {@code pgbouncer} binary to use. */
    public static final String BINARY_VARIABLE = "TENANCY_TEST_PGBOUNCER";

    private static final Pattern VERSION = Pattern.compile("PgBouncer (\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final Path directory;
    private final int port;
    private final String version;
    private final boolean keepsPreparedStatements;
    private final Thread stopOnExit;

    private TestPgBouncer(Process process, Path directory, int port, String version,
            boolean keepsPreparedStatements) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.version = version;
        this.keepsPreparedStatements = keepsPreparedStatements;
        this.stopOnExit = new Thread(this::stop, "test-pgbouncer-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a PgBouncer in transaction mode in front of {@code server}, with at most {@code serverConnections}
     * server connections per database and user. Skips the calling test (JUnit assumption) when PgBouncer is not
     * installed.
     */
    public static TestPgBouncer start(TestPostgres server, int serverConnections) {
        if (serverConnections < 1) {
            throw new IllegalArgumentException("serverConnections must be at least 1, was " + serverConnections);
        }
        Path binary = binary();
        Assumptions.assumeTrue(binary != null, "PgBouncer is not installed (apt-get install pgbouncer, or set "
                + BINARY_VARIABLE + "): skipping the test that runs behind it.");
        String version = version(binary);
        boolean keepsPrepared = atLeast(version, 1, 21);
        URI backend = backend(server.adminJdbcUrl());
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            Path directory = null;
            try {
                directory = Files.createTempDirectory("tenancy-pgbouncer-");
                int port = freePort();
                Process process = launch(binary, directory, backend, server, serverConnections, port, keepsPrepared);
                return new TestPgBouncer(process, directory, port, version, keepsPrepared);
            } catch (IOException e) {
                deleteQuietly(directory);
                throw new UncheckedIOException("Could not start PgBouncer: " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                deleteQuietly(directory);
                failure = e;
            }
        }
        throw failure;
    }

    /** Whether a {@code pgbouncer} binary is available on this machine. */
    public static boolean isInstalled() {
        return binary() != null;
    }

    /** The port PgBouncer listens on, on {@code 127.0.0.1}. */
    public int port() {
        return port;
    }

    /** PgBouncer's version, e.g. {@code 1.18.0}. */
    public String version() {
        return version;
    }

    /** Whether this PgBouncer keeps server-side prepared statements across transactions (1.21 and later). */
    public boolean keepsPreparedStatements() {
        return keepsPreparedStatements;
    }

    /**
     * The JDBC URL of {@code database} through this PgBouncer; with {@code prepareThreshold=0} when the pooler cannot
     * keep server-side prepared statements.
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database
                + (keepsPreparedStatements ? "" : "?prepareThreshold=0");
    }

    /** Stops PgBouncer (closing every client and server connection) and deletes its directory. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(directory);
    }

    @Override
    public String toString() {
        return "TestPgBouncer[" + version + " on 127.0.0.1:" + port + ", transaction mode]";
    }

    private static Process launch(Path binary, Path directory, URI backend, TestPostgres server,
            int serverConnections, int port, boolean keepsPrepared) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path users = write(directory.resolve("userlist.txt"), quote(server.username()) + " \"\"\n");
        Path config = write(directory.resolve("pgbouncer.ini"),
                configuration(backend, server, serverConnections, port, keepsPrepared, users));
        Path log = directory.resolve("pgbouncer.log");
        Process process = new ProcessBuilder(binary.toString(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("PgBouncer did not start on port " + port + ": " + read(log));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while PgBouncer was starting", e);
            }
        }
        return process;
    }

    static String configuration(URI backend, TestPostgres server, int serverConnections, int port,
            boolean keepsPrepared, Path users) {
        StringBuilder database = new StringBuilder("* = host=").append(backend.getHost())
                .append(" port=").append(backend.getPort() < 0 ? 5432 : backend.getPort());
        if (server.password() != null) {
            database.append(" user=").append(server.username()).append(" password=").append(server.password());
        }
        StringBuilder ini = new StringBuilder()
                .append("[databases]\n").append(database).append('\n')
                .append("[pgbouncer]\n")
                .append("listen_addr = 127.0.0.1\n")
                .append("listen_port = ").append(port).append('\n')
                .append("unix_socket_dir =\n")
                .append("pidfile =\n")
                .append("logfile =\n")
                .append("auth_type = trust\n")
                .append("auth_file = ").append(users).append('\n')
                .append("pool_mode = transaction\n")
                .append("default_pool_size = ").append(serverConnections).append('\n')
                .append("min_pool_size = 0\n")
                .append("reserve_pool_size = 0\n")
                .append("max_client_conn = 1000\n")
                .append("server_reset_query =\n")
                .append("ignore_startup_parameters = extra_float_digits,options\n")
                .append("log_connections = 0\n")
                .append("log_disconnections = 0\n");
        if (keepsPrepared) {
            ini.append("max_prepared_statements = 500\n");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            ini.append("user = ").append(unprivilegedUser()).append('\n');
        }
        return ini.toString();
    }

    /** PgBouncer refuses to run as root: it switches to {@code postgres} when that user exists, else {@code nobody}. */
    private static String unprivilegedUser() {
        try (Stream<String> users = Files.lines(Paths.get("/etc/passwd"))) {
            return users.anyMatch(line -> line.startsWith("postgres:")) ? "postgres" : "nobody";
        } catch (IOException | UncheckedIOException e) {
            return "nobody";
        }
    }

    static URI backend(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://") || jdbcUrl.substring(18).split("[/?]", 2)[0].contains(",")) {
            throw new IllegalStateException("PgBouncer for tests needs one PostgreSQL host in the test server's URL, "
                    + "was " + jdbcUrl);
        }
        return URI.create(jdbcUrl.substring(5));
    }

    static boolean atLeast(String version, int major, int minor) {
        Matcher matcher = VERSION.matcher("PgBouncer " + version);
        if (!matcher.find()) {
            return false;
        }
        int foundMajor = Integer.parseInt(matcher.group(1));
        int foundMinor = Integer.parseInt(matcher.group(2));
        return foundMajor > major || foundMajor == major && foundMinor >= minor;
    }

    private static String version(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            Matcher matcher = VERSION.matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException("Could not read PgBouncer's version from: " + output);
            }
            return matcher.group(0).substring("PgBouncer ".length());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + binary + " --version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking PgBouncer for its version", e);
        }
    }

    private static Path binary() {
        String configured = System.getenv(BINARY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Paths.get(configured.trim());
            return Files.isExecutable(path) ? path : null;
        }
        String searchPath = System.getenv().getOrDefault("PATH", "") + java.io.File.pathSeparator + "/usr/sbin";
        for (String folder : searchPath.split(java.io.File.pathSeparator)) {
            if (!folder.isBlank()) {
                Path candidate = Paths.get(folder, "pgbouncer");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log).strip() : "(no output)";
        } catch (IOException e) {
            return "(its log could not be read: " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + directory + ": " + e.getMessage());
        }
    }
}
