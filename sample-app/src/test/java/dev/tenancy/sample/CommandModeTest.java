package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code java -jar sample-app.jar <command> [--options]}: the application starts without its web server, runs the
 * command and ends with its exit code. The command line is the requirements' step 7, options separated from their
 * values by spaces; the application runs on a database of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandModeTest {

    @Test
    void theApplicationRunsTheRequirementsCommandWithoutAWebServer(CapturedOutput output) throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase("command_mode")) {
            String[] args = {"--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--tenancy.commands.exit-when-done=false",
                "create-super-super-admin", "--email", "admin@example.com", "--password", "admin123"};

            try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args)) {
                assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
                assertThat(SpringApplication.exit(context)).isZero();
            }

            assertThat(output.getOut()).contains("Super super admin created: superadmin");
            assertThat(superSuperAdmins(database)).isEqualTo("superadmin admin@example.com");
        }
    }

    private static String superSuperAdmins(TestDatabase database) throws SQLException {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT string_agg(u.username || ' ' || u.email, ', ') "
                     + "FROM public.super_super_admins a JOIN public.app_users u ON u.id = a.user_id")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
