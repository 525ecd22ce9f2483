package dev.tenancy.sample.notes;

import java.time.OffsetDateTime;

/**
 * A note of the request's tenant, as the API shows it.
 *
 * @param id its id in the tenant's schema
 * @param title its title, unique within the tenant
 * @param body its text
 * @param author the user name of who wrote it
 * @param createdOn when it was written
 */
public record Note(long id, String title, String body, String author, OffsetDateTime createdOn) {
}
