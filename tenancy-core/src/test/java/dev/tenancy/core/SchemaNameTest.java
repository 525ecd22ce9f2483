package dev.tenancy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

class SchemaNameTest {

    static List<Arguments> invalidNames() {
        return List.of(
                Arguments.of(null, "is required"),
                Arguments.of("", "is required"),
                Arguments.of("a".repeat(64), "bytes long"),
                Arguments.of("é".repeat(32), "bytes long"),
                Arguments.of("Tenant", "may only contain"),
                Arguments.of("tenant_é", "may only contain"),
                Arguments.of("租户", "may only contain"),
                Arguments.of("1tenant", "may only contain"),
                Arguments.of("a\"; drop schema public;--", "may only contain"),
                Arguments.of("tenant one", "may only contain"),
                Arguments.of("tenant.one", "may only contain"),
                Arguments.of("tenant'one", "may only contain"),
                Arguments.of("tenant\"one", "may only contain"),
                Arguments.of("tenant-one", "may only contain"),
                Arguments.of("tenant\u0000", "may only contain"),
                Arguments.of("pg_toast", "starts with 'pg_'"),
                Arguments.of("pg_catalog", "starts with 'pg_'"),
                Arguments.of("public", "is reserved"),
                Arguments.of("information_schema", "is reserved"));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidNamesAreRejectedNamingTheRuleThatFailed(String name, String rule) {
        assertThatThrownBy(() -> SchemaName.of(name))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains(rule))
                .hasMessageContaining(rule)
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
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is reserved");
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
