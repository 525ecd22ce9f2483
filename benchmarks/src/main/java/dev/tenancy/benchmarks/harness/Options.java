package dev.tenancy.benchmarks.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark program's {@code --name=value} arguments over its defaults; an unknown name is refused with the list of
 * known ones.
 */
public final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code args} against {@code defaults} (name to default value; every known name must be there). */
    public static Options parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !defaults.containsKey(name)) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'. Known: --"
                        + String.join("=... --", defaults.keySet()) + "=...");
            }
            values.put(name, arg.substring(equals + 1));
        }
        return new Options(values);
    }

    /** The value, or {@code null} when the value is empty. */
    public String string(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    /** A comma-separated list of integers. */
    public int[] integers(String name) {
        return Arrays.stream(values.get(name).split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** A comma-separated list. */
    public List<String> list(String name) {
        return List.of(values.get(name).split(","));
    }

    /** A duration in seconds. */
    public Duration seconds(String name) {
        return Duration.ofSeconds(Long.parseLong(values.get(name)));
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        values.forEach((name, value) -> line.append(line.isEmpty() ? "" : " ").append("--").append(name).append('=')
                .append(value));
        return line.toString();
    }
}
