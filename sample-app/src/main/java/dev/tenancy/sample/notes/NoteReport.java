package dev.tenancy.sample.notes;

import java.util.List;

/**
 * A report on the tenant's notes, computed off the request thread.
 *
 * @param notes how many notes the tenant has
 * @param authors how many users wrote them
 * @param newestTitles the titles of the five newest notes, newest first
 */
public record NoteReport(long notes, long authors, List<String> newestTitles) {
}
