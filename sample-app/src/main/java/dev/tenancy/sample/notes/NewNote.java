package dev.tenancy.sample.notes;

import dev.tenancy.sample.web.RequestRefusedException;

/**
 * A note to write, as {@code POST /api/notes/} and {@code POST /api/notes/import} receive it.
 *
 * @param title required: 1 to 200 characters, no control characters
 * @param body optional: at most 10,000 characters, no NUL
 */
public record NewNote(String title, String body) {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 10_000;

    /**
     * Checks both fields.
     *
     * @throws RequestRefusedException (invalid) naming what is wrong
     */
    public NewNote validated() {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE
                || title.chars().anyMatch(Character::isISOControl)) {
            throw RequestRefusedException.invalid("title is required: 1 to " + MAX_TITLE
                    + " characters, without control characters.");
        }
        if (body != null && (body.length() > MAX_BODY || body.indexOf('\0') >= 0)) {
            throw RequestRefusedException.invalid("body may have up to " + MAX_BODY
                    + " characters, without NUL characters.");
        }
        return this;
    }

    String bodyOrEmpty() {
        return body == null ? "" : body;
    }
}
