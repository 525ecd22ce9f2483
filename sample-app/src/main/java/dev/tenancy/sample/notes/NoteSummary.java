package dev.tenancy.sample.notes;

/**
 * How many notes the tenant has, and its newest; cached per tenant until one of its notes is written.
 *
 * @param notes how many notes the tenant has
 * @param newestTitle the newest note's title, or null when there is none
 */
public record NoteSummary(long notes, String newestTitle) {
}
