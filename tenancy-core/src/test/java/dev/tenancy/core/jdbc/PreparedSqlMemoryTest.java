package dev.tenancy.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The answer remembered for a prepared statement's SQL text is the scan's answer, also for texts too long to be
 * remembered and after the memory was filled and forgotten.
 */
class PreparedSqlMemoryTest {

    @Test
    void rememberedAnswersAreTheScansAnswersBeforeAndAfterTheMemoryFills() {
        String change = "/* note */ RESET search_path";
        String read = "SELECT body FROM notes WHERE body <> 'x;reset_me'";
        String longChange = "SELECT 1" + " ".repeat(SessionSql.MAX_REMEMBERED_LENGTH) + "; RESET ALL";

        assertThat(SessionSql.preparedMayChangePath(change)).isTrue();
        assertThat(SessionSql.preparedMayChangePath(read)).isFalse();
        assertThat(SessionSql.preparedMayChangePath(longChange)).isTrue();
        for (int i = 0; i <= SessionSql.MAX_REMEMBERED; i++) {
            assertThat(SessionSql.preparedMayChangePath("SELECT " + i)).isFalse();
        }
        assertThat(SessionSql.preparedMayChangePath(new String(change))).isTrue();
        assertThat(SessionSql.preparedMayChangePath(new String(read))).isFalse();
        assertThat(SessionSql.preparedMayChangePath(null)).isFalse();
    }
}
