package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.util.List;

class CommandLineParserTest {

    private static final TenancyCommand COMMAND = new TenancyCommand() {
        @Override
        public String name() {
            return "demo";
        }

        @Override
        public String description() {
            return "A command for tests.";
        }

        @Override
        public List<CommandOption> options() {
            return List.of(CommandOption.required("schema", "NAME", "a schema"),
                    CommandOption.optional("limit", "N", "a limit"),
                    CommandOption.flag("dry-run", "change nothing"),
                    CommandOption.repeatable("tag", "TEXT", "a tag"));
        }

        @Override
        public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
            return SUCCESS;
        }
    };

    private static final TenancyCommand WITH_OPERANDS = new TenancyCommand() {
        @Override
        public String name() {
            return "each";
        }

        @Override
        public String description() {
            return "Runs another command, for tests.";
        }

        @Override
        public List<CommandOption> options() {
            return List.of(CommandOption.required("schema", "NAME", "a schema"),
                    CommandOption.flag("dry-run", "change nothing"));
        }

        @Override
        public String operands() {
            return "<command> [options]";
        }

        @Override
        public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
            return SUCCESS;
        }
    };

    private static CommandArguments parse(String... arguments) {
        return CommandLineParser.parse(COMMAND, List.of(arguments));
    }

    @Test
    void readsValuesAndFlags() {
        CommandArguments arguments = parse("--schema=tenant_a", "--dry-run");
        assertThat(arguments.value("schema")).isEqualTo("tenant_a");
        assertThat(arguments.optionalValue("limit")).isEmpty();
        assertThat(arguments.has("dry-run")).isTrue();
        assertThat(arguments.optionalValue("dry-run")).isEmpty();
    }

    @Test
    void readsEveryValueOfARepeatableOptionInOrder() {
        CommandArguments arguments = parse("--tag=x", "--schema=tenant_a", "--tag=y");
        assertThat(arguments.values("tag")).containsExactly("x", "y");
        assertThat(arguments.optionalValue("tag")).contains("x");
        assertThat(arguments.values("limit")).isEmpty();
        assertThat(COMMAND.options().get(3).syntax()).isEqualTo("--tag=TEXT ...");
    }

    @Test
    void leavesSpringPropertiesToSpring() {
        assertThat(parse("--spring.profiles.active=dev", "--schema=tenant_a").value("schema")).isEqualTo("tenant_a");
    }

    @Test
    void refusesWhatTheCommandDidNotDeclareOrCannotUse() {
        assertThatThrownBy(() -> parse("--schema=a", "--colour=red")).hasMessage("Unknown option --colour.");
        assertThatThrownBy(() -> parse("--schema=a", "--schema=b")).hasMessage("Option --schema is given twice.");
        assertThatThrownBy(() -> parse("--schema=a", "--dry-run=yes"))
                .hasMessage("Option --dry-run is a flag and takes no value.");
        assertThatThrownBy(() -> parse("--schema")).hasMessage("Option --schema needs a value: --schema=NAME.");
        assertThatThrownBy(() -> parse("--schema=a", "extra")).hasMessage("Unexpected argument 'extra'.");
        assertThatThrownBy(() -> parse("--dry-run")).isInstanceOf(CommandUsageException.class)
                .hasMessage("Missing option --schema=NAME.");
    }

    @Test
    void findsTheCommandAfterSpringsOptionsOrAfterALoneDoubleDash() {
        assertThat(CommandLines.commandLine("--debug", "list-tenants", "--all"))
                .containsExactly("list-tenants", "--all");
        assertThat(CommandLines.commandLine("--debug", "create-domain", "--schema", "tenant_a", "--domain",
                "a.example.com")).containsExactly("create-domain", "--schema", "tenant_a", "--domain",
                "a.example.com");
        assertThat(CommandLines.commandLine("--", "--help")).containsExactly("--help");
        assertThat(CommandLines.commandLine("--server.port=0")).isEmpty();
        assertThat(CommandLines.commandLine()).isEmpty();
    }

    @Test
    void asksForHelpOnlyAmongTheCommandsOwnOptions() {
        assertThat(CommandLineParser.asksForHelp(COMMAND, List.of("--schema=a", "--help"))).isTrue();
        assertThat(CommandLineParser.asksForHelp(COMMAND, List.of("--schema", "a", "--help"))).isTrue();
        assertThat(CommandLineParser.asksForHelp(COMMAND, List.of("--schema", "--help"))).isTrue();
        assertThat(CommandLineParser.asksForHelp(COMMAND, List.of("--schema=a", "inner", "--help"))).isFalse();
        assertThat(CommandLineParser.asksForHelp(COMMAND, List.of("--dry-run", "inner", "--help"))).isFalse();
    }

    @Test
    void readsAValueGivenAsTheNextArgument() {
        CommandArguments arguments = parse("--schema", "tenant_a", "--limit", "5", "--dry-run");
        assertThat(arguments.value("schema")).isEqualTo("tenant_a");
        assertThat(arguments.value("limit")).isEqualTo("5");
        assertThat(arguments.has("dry-run")).isTrue();
        assertThat(arguments.operands()).isEmpty();
    }

    @Test
    void readsEveryValueOfARepeatableOptionWrittenEitherWay() {
        assertThat(parse("--tag", "x", "--schema=a", "--tag=y", "--tag", "z").values("tag"))
                .containsExactly("x", "y", "z");
    }

    @Test
    void takesAValueStartingWithADashButNeverAnOption() {
        assertThat(parse("--schema", "a", "--limit", "-1").value("limit")).isEqualTo("-1");
        assertThatThrownBy(() -> parse("--schema", "--dry-run")).hasMessage("Option --schema needs a value: "
                + "--schema=NAME.");
        assertThatThrownBy(() -> parse("--schema=a", "--limit", "--tag=x"))
                .hasMessage("Option --limit needs a value: --limit=N.");
        assertThat(parse("--schema=--odd").value("schema")).isEqualTo("--odd");
    }

    @Test
    void aFlagNeverTakesTheNextArgument() {
        assertThatThrownBy(() -> parse("--dry-run", "yes", "--schema=a")).hasMessage("Unexpected argument 'yes'.");
        CommandArguments withOperands = CommandLineParser.parse(WITH_OPERANDS, List.of("--schema", "tenant_a",
                "--dry-run", "list-tenants", "--all"));
        assertThat(withOperands.value("schema")).isEqualTo("tenant_a");
        assertThat(withOperands.has("dry-run")).isTrue();
        assertThat(withOperands.operands()).containsExactly("list-tenants", "--all");
    }

    @Test
    void leavesAnUnknownOptionsNextArgumentAlone() {
        assertThatThrownBy(() -> parse("--schema=a", "--colour", "red")).hasMessage("Unknown option --colour.");
        assertThatThrownBy(() -> parse("--schema=a", "--spring.profiles.active", "dev"))
                .hasMessage("Unexpected argument 'dev'.");
    }
}
