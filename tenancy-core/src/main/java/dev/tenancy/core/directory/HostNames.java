package dev.tenancy.core.directory;

import dev.tenancy.core.InvalidInputException;

import java.net.IDN;
import java.util.Locale;

/**
 * Normalises and validates host names the way the tenant directory stores and looks them up: lower case, no port,
 * no trailing dot, internationalised names in their ASCII ({@code xn--}) form.
 */
final class HostNames {

    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;

    private HostNames() {
    }

    /**
     * Normalises a host name or a {@code Host} header value ({@code Acme.Example.COM.:8443} becomes
     * {@code acme.example.com}).
     *
     * @throws InvalidInputException when the result is not a valid DNS host name
     */
    static String normalise(String host) {
        if (host == null || host.isBlank()) {
            throw new InvalidInputException("A host name is required.");
        }
        String name = stripPort(host.trim());
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!isLowerCaseAscii(name)) {
            try {
                name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("'" + printable(host) + "' is not a valid host name.");
            }
            name = name.toLowerCase(Locale.ROOT);
        }
        validate(name, host);
        return name;
    }

    /** Whether {@code name} has only characters that IDN conversion and lower-casing leave as they are. */
    private static boolean isLowerCaseAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code host} normalises to a valid host name. */
    static boolean isValid(String host) {
        try {
            normalise(host);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && host.indexOf(':', colon + 1) < 0) {
            String port = host.substring(colon + 1);
            if (port.isEmpty() || port.chars().allMatch(Character::isDigit)) {
                return host.substring(0, colon);
            }
        }
        return host;
    }

    private static void validate(String name, String original) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new InvalidInputException("'" + printable(original) + "' is not a valid host name: it must be 1-"
                    + MAX_LENGTH + " characters.");
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                checkLabel(name, labelStart, i, original);
                labelStart = i + 1;
            } else {
                char c = name.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    throw new InvalidInputException("'" + printable(original) + "' is not a valid host name: only "
                            + "letters, digits, hyphens and dots are allowed.");
                }
            }
        }
    }

    private static void checkLabel(String name, int start, int end, String original) {
        int length = end - start;
        if (length == 0 || length > MAX_LABEL || name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
            throw new InvalidInputException("'" + printable(original) + "' is not a valid host name: each part "
                    + "between dots must be 1-" + MAX_LABEL + " characters and must not start or end with '-'.");
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
