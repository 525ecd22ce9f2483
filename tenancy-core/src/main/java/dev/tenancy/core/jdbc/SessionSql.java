package dev.tenancy.core.jdbc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Recognises SQL text that may change the session's {@code search_path} or end a transaction behind the connection's
 * back: {@code SET ... search_path}, {@code SET SCHEMA}, {@code set_config('search_path', ...)}, {@code RESET},
 * {@code DISCARD}, and {@code BEGIN}/{@code START}/{@code COMMIT}/{@code END}/{@code ROLLBACK}/{@code ABORT}/
 * {@code PREPARE TRANSACTION}/{@code CALL} (a procedure may commit) at the start of any statement of the text. A false
 * alarm costs one {@code set_config} before the next statement; the scan allocates nothing, and for prepared
 * statements runs once per SQL text.
 */
final class SessionSql {

    private static final String[] LEADING_KEYWORDS = {
        "set", "reset", "discard", "begin", "start", "commit", "end", "rollback", "abort", "prepare", "call"};
    static final int MAX_REMEMBERED = 10_000;
    static final int MAX_REMEMBERED_LENGTH = 4_096;
    private static final ConcurrentMap<String, Boolean> PREPARED = new ConcurrentHashMap<>();

    private SessionSql() {
    }

    /**
     * {@link #mayChangePath} for the SQL of a prepared statement, remembered per text: an application prepares the
     * same texts over and over (an ORM keeps each as one string), so the scan runs once per text rather than once per
     * statement. At most {@value #MAX_REMEMBERED} texts of up to {@value #MAX_REMEMBERED_LENGTH} characters are
     * remembered; when full, all are forgotten and the texts in use are remembered again.
     */
    static boolean preparedMayChangePath(String sql) {
        if (sql == null || sql.length() > MAX_REMEMBERED_LENGTH) {
            return mayChangePath(sql);
        }
        Boolean remembered = PREPARED.get(sql);
        if (remembered != null) {
            return remembered;
        }
        boolean answer = mayChangePath(sql);
        if (PREPARED.size() >= MAX_REMEMBERED) {
            PREPARED.clear();
        }
        PREPARED.put(sql, answer);
        return answer;
    }

    /** Whether running {@code sql} may leave the session on another path or outside the transaction it was in. */
    static boolean mayChangePath(String sql) {
        if (sql == null) {
            return false;
        }
        int length = sql.length();
        boolean statementStart = true;
        for (int i = 0; i < length; i++) {
            char c = sql.charAt(i);
            if (c == ';') {
                statementStart = true;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 1;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end;
            } else if (!Character.isWhitespace(c) && c != '(') {
                if (statementStart && startsWithKeyword(sql, i)) {
                    return true;
                }
                statementStart = false;
                if ((c == 's' || c == 'S') && (sql.regionMatches(true, i, "search_path", 0, 11)
                        || sql.regionMatches(true, i, "set_config", 0, 10))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithKeyword(String sql, int at) {
        for (String keyword : LEADING_KEYWORDS) {
            int end = at + keyword.length();
            if (sql.regionMatches(true, at, keyword, 0, keyword.length())
                    && (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_')) {
                return true;
            }
        }
        return false;
    }
}
