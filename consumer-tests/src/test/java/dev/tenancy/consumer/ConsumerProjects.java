package dev.tenancy.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds a consumer project (a copy of a folder under {@code src/test}) with the project's Maven wrapper, offline,
 * against a temporary local repository that holds only Tenancy's artifacts as this build packaged them, laid out as
 * {@code mvn install} would; everything else is read from the build's own local repository, which is never written
 * ({@code maven.repo.local.tail}).
 */
final class ConsumerProjects {

    private static final List<String> POM_MODULES = List.of("tenancy-parent:.", "tenancy-bom:tenancy-bom");
    private static final List<String> JAR_MODULES = List.of("tenancy-test-postgres", "tenancy-core",
            "tenancy-spring-boot-starter", "tenancy-test-support");

    private final Path root = Path.of(System.getProperty("tenancy.root"));
    private final String version = System.getProperty("tenancy.version");
    private final Path sharedRepository = Path.of(System.getProperty("tenancy.localRepository"));

    /** The output of a finished build. */
    record Build(int exitCode, String output) {
    }

    /** Copies {@code src/test/<name>} to {@code workDirectory}, builds it with {@code goals} and returns the result. */
    Build build(String name, Path workDirectory, String... goals) throws IOException, InterruptedException {
        Path project = workDirectory.resolve(name);
        copy(Path.of("src", "test", name), project);
        Path repository = workDirectory.resolve("repository");
        seed(repository);
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-o", "-q",
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + sharedRepository,
                "-Dtenancy.version=" + version));
        for (String property : System.getProperties().stringPropertyNames()) {
            if (property.startsWith("consumer.")) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of(goals));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("TENANCY_TEST_"));
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Build(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private void seed(Path repository) throws IOException {
        for (String module : POM_MODULES) {
            String[] parts = module.split(":");
            place(repository, parts[0], "pom", root.resolve(parts[1]).resolve("pom.xml"));
        }
        for (String module : JAR_MODULES) {
            place(repository, module, "pom", root.resolve(module).resolve("pom.xml"));
            place(repository, module, "jar", root.resolve(module).resolve("target")
                    .resolve(module + "-" + version + ".jar"));
        }
    }

    private void place(Path repository, String artifactId, String extension, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: package the project before the consumer builds.");
        }
        Path directory = repository.resolve("dev/tenancy").resolve(artifactId).resolve(version);
        Files.createDirectories(directory);
        Files.copy(file, directory.resolve(artifactId + "-" + version + "." + extension),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    if (!Files.isDirectory(file)) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }
}
