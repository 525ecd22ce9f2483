package dev.tenancy.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @TenantTest(seed = ...)}: the test tenant starts with the seed's rows, and every reset brings them back. */
@TenantTest(schema = "seeded", seed = "classpath:seed/notes.sql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeededTenantTest {

    private static String notes(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT string_agg(n.body || '/' || c.name, ',' ORDER BY n.id) "
                     + "FROM notes n JOIN categories c ON c.id = n.category_id")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    @Order(1)
    void theTenantStartsWithTheSeedsRows(DataSource dataSource) throws SQLException {
        assertThat(notes(dataSource)).isEqualTo("seeded note/urgent");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM notes");
        }
    }

    @Test
    @Order(2)
    void theResetBringsTheSeedsRowsBack(DataSource dataSource) throws SQLException {
        assertThat(notes(dataSource)).isEqualTo("seeded note/urgent");
    }
}
