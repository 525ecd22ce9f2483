package dev.tenancy.sample.notes;

import java.util.List;

/**
 * What an import wrote.
 *
 * @param imported how many notes were written
 * @param skipped the titles the tenant had already (only when skipping them was asked for)
 */
public record ImportedNotes(int imported, List<String> skipped) {
}
