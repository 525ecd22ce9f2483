package dev.tenancy.boot.seed;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.seed.TenantSeeding.SeedScript;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads seed scripts from Spring resource locations: a location ending in {@code .sql} is one script (which must
 * exist); any other is a folder whose {@code *.sql} scripts are taken in file-name order.
 */
public final class SeedScripts {

    private SeedScripts() {
    }

    /**
     * The scripts at {@code locations}, in order.
     *
     * @throws TenancyException when a named script is missing or cannot be read
     */
    public static List<SeedScript> load(ResourcePatternResolver resolver, List<String> locations) {
        List<SeedScript> scripts = new ArrayList<>();
        for (String location : locations) {
            String trimmed = location.strip();
            try {
                if (trimmed.endsWith(".sql")) {
                    Resource resource = resolver.getResource(trimmed);
                    if (!resource.exists()) {
                        throw new TenancyException("The seed script " + trimmed + " (tenancy.seed.locations) does "
                                + "not exist; check the path, e.g. classpath:db/seed/tenant/data.sql.");
                    }
                    scripts.add(read(resource, trimmed));
                } else {
                    String folder = trimmed.endsWith("/") ? trimmed : trimmed + "/";
                    Resource[] found = resolver.getResources(folder + "*.sql");
                    Arrays.sort(found, Comparator.comparing(Resource::getFilename));
                    for (Resource resource : found) {
                        scripts.add(read(resource, folder + resource.getFilename()));
                    }
                }
            } catch (IOException e) {
                throw new TenancyException("Could not read the seed scripts at " + trimmed + ": " + e.getMessage(), e);
            }
        }
        return scripts;
    }

    private static SeedScript read(Resource resource, String name) throws IOException {
        return new SeedScript(name, resource.getContentAsString(StandardCharsets.UTF_8));
    }
}
