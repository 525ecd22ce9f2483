package dev.tenancy.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

    @ParameterizedTest
    @CsvSource({
            "acme.example.com, acme.example.com",
            "ACME.Example.COM, acme.example.com",
            "acme.example.com:8443, acme.example.com",
            "acme.example.com., acme.example.com",
            "Acme.Example.Com.:80, acme.example.com",
            "demo.localhost:8000, demo.localhost",
            "localhost, localhost",
            "  padded.example.com  , padded.example.com",
            "bücher.example, xn--bcher-kva.example",
            "www.acme.com, www.acme.com",
            "ACME.COM, acme.com",
            "LOCALHOST, localhost",
            "ü, xn--tda",
            "z09.example, z09.example"})
    void hostsAreStoredLowerCaseWithoutPortOrTrailingDot(String input, String expected) {
        assertThat(TenantDirectory.normaliseHost(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "acme..com", "-acme.com", "acme-.com", "acme_corp.com", "acme.com/path",
            "acme com", "a\"b.com", "evil.com\r\nX-Injected: 1", "acme.com:port", "acme.com-", "[::1]:8080", "[::1"})
    void invalidHostsAreRejectedWithAMessage(String host) {
        assertThatThrownBy(() -> TenantDirectory.normaliseHost(host))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 300})
    void overlongHostsAndLabelsAreRejected(int length) {
        assertThatThrownBy(() -> TenantDirectory.normaliseHost("a".repeat(length) + ".com"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(HostNames.isValid("a".repeat(63) + ".com")).isTrue();
        assertThat(HostNames.isValid("example." + "a".repeat(length))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anEmptyPortIsDroppedLikeAnyOther() {
        assertThat(TenantDirectory.normaliseHost("Acme.example.com:")).isEqualTo("acme.example.com");
    }

    @org.junit.jupiter.api.Test
    void hostsOfUpTo253CharactersAreAccepted() {
        String label = "a".repeat(63);
        String longest = label + "." + label + "." + label + "." + "b".repeat(61);
        assertThat(longest).hasSize(253);
        assertThat(TenantDirectory.normaliseHost(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> TenantDirectory.normaliseHost(longest + "b")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1-253 characters");
    }

    @org.junit.jupiter.api.Test
    void anOverlongHostIsCutShortInTheMessage() {
        String host = "a".repeat(101) + ".com";
        assertThatThrownBy(() -> TenantDirectory.normaliseHost(host)).hasMessageContaining("a".repeat(100) + "...")
                .hasMessageNotContaining("a".repeat(101));
        String hundred = "b".repeat(100);
        assertThatThrownBy(() -> TenantDirectory.normaliseHost(hundred)).hasMessageContaining("'" + hundred + "'");
    }
}
