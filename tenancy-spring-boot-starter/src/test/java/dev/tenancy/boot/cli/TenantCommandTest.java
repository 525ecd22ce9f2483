package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code tenant-command}, {@code help} and dispatching on the running test application. */
@TestAppTest
class TenantCommandTest {

    @Autowired
    CommandDispatcher commands;

    private CommandRun run(String... commandLine) {
        return CommandRun.of(commands, commandLine);
    }

    @Test
    void runsAnApplicationCommandInsideOneTenant() {
        CommandRun run = run("tenant-command", "--schema=tenant_beta", "count-notes", "--containing=beta");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualToIgnoringNewLines("tenant_beta: 1 notes");
    }

    @Test
    void runsAnApplicationCommandInsideEveryActiveTenant() {
        CommandRun run = run("tenant-command", "--all-tenants", "count-notes");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("== tenant_alpha ==", "tenant_alpha: 1 notes", "== tenant_beta ==",
                "tenant_beta: 1 notes", "Ran count-notes in 2 tenants; 0 failed.");
        assertThat(run.out()).doesNotContain("tenant_sleepy", "tenant_fresh");
    }

    @Test
    void validatesTheInnerCommandLineBeforeRunningAnything() {
        CommandRun run = run("tenant-command", "--all-tenants", "count-notes", "--colour=red");
        assertThat(run.exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(run.err()).contains("Unknown option --colour.", "Usage: count-notes");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void needsExactlyOneTargetAndAKnownCommand() {
        assertThat(run("tenant-command", "count-notes").err()).contains("Give either --schema=NAME or --all-tenants.");
        assertThat(run("tenant-command", "--schema=tenant_alpha", "--all-tenants", "count-notes").exitCode())
                .isEqualTo(TenancyCommand.USAGE);
        assertThat(run("tenant-command", "--schema=tenant_alpha").exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(run("tenant-command", "--schema=tenant_alpha", "no-such-command").exitCode())
                .isEqualTo(TenancyCommand.USAGE);
        assertThat(run("tenant-command", "--schema=tenant_alpha", "tenant-command").exitCode())
                .isEqualTo(TenancyCommand.USAGE);
    }

    @Test
    void failsForASchemaNoTenantHas() {
        CommandRun run = run("tenant-command", "--schema=tenant_nobody", "count-notes");
        assertThat(run.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(run.err()).contains("No tenant has the schema 'tenant_nobody'.");
    }

    @Test
    void aCommandThatNeedsATenantFailsOutsideOne() {
        CommandRun run = run("count-notes");
        assertThat(run.exitCode()).isEqualTo(TenancyCommand.FAILURE);
        assertThat(run.err()).contains("count-notes failed: This code must run for a tenant");
    }

    @Test
    void helpListsEveryCommandAndEachCommandPrintsItsUsage() {
        CommandRun help = run("help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("count-notes", "create-domain", "delete-domain", "list-tenants",
                "tenant-command", "migrate-schemas", "create-tenant", "clone-tenant", "delete-tenant", "rename-schema",
                "create-missing-schemas");
        CommandRun usage = run("create-domain", "--help");
        assertThat(usage.exitCode()).isZero();
        assertThat(usage.out()).contains(
                "Usage: create-domain --schema=NAME [--domain=HOST] [--subdomain=LABEL] [--primary]");
    }

    @Test
    void anUnknownCommandExitsWithUsageAndTheCommandList() {
        CommandRun run = run("migrate-everything");
        assertThat(run.exitCode()).isEqualTo(TenancyCommand.USAGE);
        assertThat(run.err()).contains("Unknown command 'migrate-everything'.", "list-tenants");
    }
}
