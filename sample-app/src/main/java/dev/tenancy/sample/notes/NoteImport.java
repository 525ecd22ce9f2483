package dev.tenancy.sample.notes;

import dev.tenancy.sample.web.RequestRefusedException;

import java.util.List;

/**
 * Notes to import at once, as {@code POST /api/notes/import} receives them.
 *
 * @param notes 1 to 100 notes, each as {@link NewNote}
 * @param skipExisting {@code true}: a note whose title the tenant has already is skipped and the others are
 *     written; {@code false} or absent: all or nothing, such a note refuses the whole import (409)
 */
public record NoteImport(List<NewNote> notes, Boolean skipExisting) {

    static final int MAX_NOTES = 100;

    /**
     * Checks the list and every note in it.
     *
     * @throws RequestRefusedException (invalid) naming what is wrong
     */
    public NoteImport validated() {
        if (notes == null || notes.isEmpty() || notes.size() > MAX_NOTES || notes.contains(null)) {
            throw RequestRefusedException.invalid("notes is required: a list of 1 to " + MAX_NOTES + " notes.");
        }
        notes.forEach(NewNote::validated);
        return this;
    }

    boolean skipping() {
        return Boolean.TRUE.equals(skipExisting);
    }
}
