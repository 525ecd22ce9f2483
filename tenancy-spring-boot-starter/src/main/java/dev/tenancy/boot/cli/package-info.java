/**
 * Commands run as {@code java -jar app.jar <command> [--options]}: the {@link dev.tenancy.boot.cli.TenancyCommand}
 * API applications implement, the {@link dev.tenancy.boot.cli.CommandDispatcher} and the built-in commands.
 */
package dev.tenancy.boot.cli;
