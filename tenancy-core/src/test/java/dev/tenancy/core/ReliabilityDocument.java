package dev.tenancy.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tables of {@code RELIABILITY.md} at the repository root that core's fault tests check their observations
 * against, so that the document and the behaviour cannot drift apart.
 */
public final class ReliabilityDocument {

    private static final String NAME = "RELIABILITY.md";

    private ReliabilityDocument() {
    }

    /**
     * The body rows (cells trimmed, header and separator left out) of the first table under the {@code ###} heading
     * {@code heading}.
     */
    public static List<List<String>> table(String heading) {
        List<List<String>> rows = new ArrayList<>();
        boolean under = false;
        boolean header = true;
        for (String line : lines()) {
            if (line.startsWith("#")) {
                if (under && !rows.isEmpty()) {
                    break;
                }
                under = line.equals("### " + heading);
            } else if (under && line.startsWith("|")) {
                if (header) {
                    header = false;
                } else if (!line.startsWith("|---")) {
                    String inner = line.trim().substring(1, line.trim().length() - 1);
                    rows.add(Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList());
                }
            } else if (under && !rows.isEmpty()) {
                break;
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError(NAME + " has no table under '### " + heading + "'.");
        }
        return rows;
    }

    private static List<String> lines() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve(NAME))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new AssertionError(NAME + " was not found in the working directory or above it.");
        }
        try {
            return Files.readAllLines(directory.resolve(NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
