package dev.tenancy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidSchemaNameException.Rule;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchemaNameTest {

    static List<Arguments> invalidNames() {
        return List.of(
                Arguments.of(null, Rule.EMPTY),
                Arguments.of("", Rule.EMPTY),
                Arguments.of("a".repeat(64), Rule.TOO_LONG),
                Arguments.of("é".repeat(32), Rule.TOO_LONG),
                Arguments.of("Tenant", Rule.CHARACTERS),
                Arguments.of("tenant_é", Rule.CHARACTERS),
                Arguments.of("租户", Rule.CHARACTERS),
                Arguments.of("1tenant", Rule.CHARACTERS),
                Arguments.of("a\"; drop schema public;--", Rule.CHARACTERS),
                Arguments.of("tenant one", Rule.CHARACTERS),
                Arguments.of("tenant.one", Rule.CHARACTERS),
                Arguments.of("tenant'one", Rule.CHARACTERS),
                Arguments.of("tenant\"one", Rule.CHARACTERS),
                Arguments.of("tenant-one", Rule.CHARACTERS),
                Arguments.of("tenant\u0000", Rule.CHARACTERS),
                Arguments.of("pg_toast", Rule.SYSTEM_PREFIX),
                Arguments.of("pg_catalog", Rule.SYSTEM_PREFIX),
                Arguments.of("public", Rule.RESERVED),
                Arguments.of("information_schema", Rule.RESERVED));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidNamesAreRejectedNamingTheRuleThatFailed(String name, Rule rule) {
        assertThatThrownBy(() -> SchemaName.of(name))
                .isInstanceOfSatisfying(InvalidSchemaNameException.class, e -> {
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.rejectedName()).isEqualTo(name);
                })
                .hasMessageNotContaining("\u0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tenant_acme", "_private", "a", "t1", "tenant_0123456789"})
    void validNamesAreAcceptedAndQuoted(String name) {
        SchemaName schema = SchemaName.of(name);
        assertThat(schema.value()).isEqualTo(name);
        assertThat(schema.quoted()).isEqualTo("\"" + name + "\"");
    }

    @Test
    void sixtyThreeBytesIsTheLongestName() {
        assertThat(SchemaName.of("a".repeat(63)).value()).hasSize(63);
    }

    @Test
    void applicationReservedNamesAreRejectedCaseInsensitively() {
        assertThatThrownBy(() -> SchemaName.of("tenant_template", List.of("TENANT_TEMPLATE")))
                .isInstanceOfSatisfying(InvalidSchemaNameException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.RESERVED))
                .hasMessageContaining("reserved");
    }

    @Test
    void messagesSayWhatIsAllowed() {
        assertThatThrownBy(() -> SchemaName.of("Acme")).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> SchemaName.of("a".repeat(70))).hasMessageContaining("63");
    }

    @Test
    void equalNamesAreEqualValues() {
        assertThat(SchemaName.of("tenant_a")).isEqualTo(SchemaName.of("tenant_a"))
                .hasSameHashCodeAs(SchemaName.of("tenant_a"))
                .isNotEqualTo(SchemaName.of("tenant_b"));
        assertThat(SchemaName.isValid("tenant_a")).isTrue();
        assertThat(SchemaName.isValid("Tenant_a")).isFalse();
    }

    @Test
    void aNullAmongTheReservedNamesIsIgnored() {
        assertThat(SchemaName.of("tenant_acme", java.util.Arrays.asList(null, "tenant_template")).value())
                .isEqualTo("tenant_acme");
    }

    @Test
    void controlCharactersAreShownEscapedInTheMessageAndOrdinaryCharactersAsTheyAre() {
        assertThatThrownBy(() -> SchemaName.of("tenant\u007fone")).hasMessageContaining("tenant\\u007fone");
        assertThatThrownBy(() -> SchemaName.of("tenant\u001fone")).hasMessageContaining("tenant\\u001fone");
        assertThatThrownBy(() -> SchemaName.of("tenant one")).hasMessageContaining("'tenant one'");
    }

    @Test
    void namesSortByTheirText() {
        assertThat(List.of(SchemaName.of("tenant_b"), SchemaName.of("tenant_a"), SchemaName.of("tenant_c")).stream()
                .sorted().map(SchemaName::value).toList()).containsExactly("tenant_a", "tenant_b", "tenant_c");
        assertThat(SchemaName.of("tenant_a").compareTo(SchemaName.of("tenant_a"))).isZero();
        assertThat(SchemaName.of("tenant_a")).hasToString("tenant_a").isNotEqualTo("tenant_a");
    }
}
