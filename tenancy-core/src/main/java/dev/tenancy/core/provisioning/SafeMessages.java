package dev.tenancy.core.provisioning;

import java.util.regex.Pattern;

/**
 * Error messages with the row values taken out, for the audit table, log lines and the messages of the exceptions
 * the provisioner throws. PostgreSQL's details ({@code Failing row contains (...)}, {@code Key (email)=(...)}) carry
 * column values such as e-mail addresses; the first line of the message (what went wrong) and its hint stay.
 */
final class SafeMessages {

    private static final Pattern FAILING_ROW = Pattern.compile("Failing row contains \\(.*\\)", Pattern.DOTALL);
    private static final Pattern KEY_VALUES = Pattern.compile("Key \\((.*?)\\)=\\(.*?\\)( already exists| is not "
            + "present| conflicts)", Pattern.DOTALL);
    private static final Pattern DETAIL_LINES = Pattern.compile("\\R\\s*(Detail|Where):.*?(?=\\R\\s*\\w+:|$)",
            Pattern.DOTALL);

    private SafeMessages() {
    }

    /** {@code message} without PostgreSQL's detail and context lines or row values; {@code null} stays null. */
    static String withoutRowValues(String message) {
        if (message == null) {
            return null;
        }
        String kept = DETAIL_LINES.matcher(message).replaceAll("");
        kept = FAILING_ROW.matcher(kept).replaceAll("Failing row contains (values withheld)");
        return KEY_VALUES.matcher(kept).replaceAll("Key ($1)=(value withheld)$2");
    }
}
