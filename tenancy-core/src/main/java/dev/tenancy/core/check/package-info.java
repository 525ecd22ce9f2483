/**
 * Checks that the database and the application's set-up are ones Tenancy can work on, with messages that say what
 * to fix.
 */
package dev.tenancy.core.check;
