package dev.tenancy.test;

import dev.tenancy.core.seed.TenantSeeding.SeedScript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code classpath:} SQL scripts of {@link TenantTest#seed()}. */
final class SeedResources {

    private static final String PREFIX = "classpath:";

    private SeedResources() {
    }

    static List<SeedScript> load(List<String> locations) {
        List<SeedScript> scripts = new ArrayList<>();
        for (String location : locations) {
            String path = location.startsWith(PREFIX) ? location.substring(PREFIX.length()) : location;
            path = path.startsWith("/") ? path.substring(1) : path;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = (loader == null ? SeedResources.class.getClassLoader() : loader)
                    .getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("The @TenantTest seed script " + location + " is not on the "
                            + "class path; write it as classpath:path/to/script.sql (e.g. under src/test/resources).");
                }
                scripts.add(new SeedScript(location, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the @TenantTest seed script " + location, e);
            }
        }
        return scripts;
    }
}
