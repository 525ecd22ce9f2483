package dev.tenancy.sample.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code RELIABILITY.md} at the repository root, which the reliability tests read their tables from, so the
 * document and the behaviour cannot drift apart.
 */
final class ReliabilityDocument {

    private static final String NAME = "RELIABILITY.md";

    private ReliabilityDocument() {
    }

    /** A Markdown table under a {@code ###} heading: the heading, the header cells and the body rows' cells. */
    record Table(String heading, List<String> header, List<List<String>> rows) {
    }

    /** The tables of the {@code ##} section titled {@code section}, in document order. */
    static List<Table> tables(String section) {
        List<Table> tables = new ArrayList<>();
        boolean inSection = false;
        String heading = null;
        List<String> header = null;
        List<List<String>> rows = null;
        for (String line : lines()) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).trim().equals(section);
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (line.startsWith("### ")) {
                heading = line.substring(4).trim();
                header = null;
            } else if (line.startsWith("|")) {
                List<String> cells = cells(line);
                if (header == null) {
                    header = cells;
                    rows = new ArrayList<>();
                    tables.add(new Table(heading, header, rows));
                } else if (!cells.get(0).startsWith("---")) {
                    rows.add(cells);
                }
            } else {
                header = null;
            }
        }
        if (tables.isEmpty()) {
            throw new AssertionError(NAME + " has no table under '## " + section + "'.");
        }
        return tables;
    }

    /** A cell without its surrounding code quotes. */
    static String unquoted(String cell) {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")
                ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
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
