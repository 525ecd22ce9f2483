package dev.tenancy.core.files;

import dev.tenancy.core.InvalidInputException;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The rules a file name must pass before it is resolved against a tenant's root: a relative path of plain segments
 * separated by '/', with nothing any layer (URL decoding, Unicode normalization, another operating system) could
 * turn into a step outside the root.
 */
final class FileNames {

    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final String LOOK_ALIKES = "\u2215\u2044\u29F8\u29F9\uFF0E\uFF0F\uFF3C\u2024\uFE52\uFE68";

    private FileNames() {
    }

    /** Returns {@code name} if it is safe, else throws naming the broken rule. */
    static String check(String name) {
        if (name == null || name.isEmpty()) {
            throw refused(name, "a file name is required");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw refused(name, "it contains a control character (such as NUL)");
            }
            if (c == '\\') {
                throw refused(name, "it contains a backslash; separate directories with '/'");
            }
            if (LOOK_ALIKES.indexOf(c) >= 0) {
                throw refused(name, "it contains a Unicode look-alike of a dot or a slash");
            }
        }
        if (PERCENT_ENCODED.matcher(name).find()) {
            throw refused(name, "it is percent-encoded; decode it once before naming the file");
        }
        if (!sameSeparators(name, Normalizer.normalize(name, Normalizer.Form.NFKC))) {
            throw refused(name, "it contains characters that Unicode normalization turns into dots or slashes");
        }
        if (name.startsWith("/")) {
            throw refused(name, "it is an absolute path; name files relative to the tenant's root");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty()) {
                throw refused(name, "it has an empty path segment ('//' or a trailing '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw refused(name, "it has a '" + segment + "' segment");
            }
        }
        return name;
    }

    private static boolean sameSeparators(String name, String normalized) {
        return count(name, '.') == count(normalized, '.') && count(name, '/') == count(normalized, '/')
                && count(normalized, '\\') == 0;
    }

    private static int count(String text, char wanted) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }

    static InvalidInputException refused(String name, String why) {
        return new InvalidInputException("The file name '" + printable(name) + "' was refused: " + why + ".");
    }

    private static String printable(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c > 0x7e) {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }
}
