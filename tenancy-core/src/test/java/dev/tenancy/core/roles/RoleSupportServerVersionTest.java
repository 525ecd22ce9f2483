package dev.tenancy.core.roles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which PostgreSQL releases tenant roles accept, decided from {@code server_version_num} as real servers report it:
 * 16 and later, whose {@code GRANT ... WITH INHERIT FALSE, SET TRUE} they need; every older release is refused with
 * the version it found, the reason and how to turn tenant roles off.
 */
class RoleSupportServerVersionTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({"160000, 16.0", "160004, 16.4", "160010, 16.10", "170002, 17.2", "170011, 17.11", "180000, 18.0",
            "180006, 18.6"})
    void sixteenAndLaterAreAccepted(int serverVersionNum, String serverVersion) {
        assertThat(RoleSupport.serverRefusal(serverVersionNum, serverVersion)).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"159999, 15.99", "150010, 15.10", "150000, 15.0", "140015, 14.15", "130018, 13.18",
            "120022, 12.22", "90624, 9.6.24"})
    void olderReleasesAreRefusedSayingWhyAndHowToTurnTheModeOff(int serverVersionNum, String serverVersion) {
        assertThat(RoleSupport.serverRefusal(serverVersionNum, serverVersion))
                .startsWith("Tenant roles need PostgreSQL 16 or later; this server is PostgreSQL " + serverVersion
                        + " (server_version_num " + serverVersionNum + ").")
                .contains("WITH INHERIT FALSE, SET TRUE", "tenancy.roles.enabled=false", "without tenantRoles(...)");
    }
}
