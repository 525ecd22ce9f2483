import dev.tenancy.test.postgres.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the build's embedded PostgreSQL once for a mutation run (mutation.sh), writes its JDBC URL to the file
 * named by the first argument, and keeps it running until standard input is closed; the server stops with the JVM.
 */
public class MutationPostgres {

    public static void main(String[] args) throws Exception {
        TestPostgres server = TestPostgres.server();
        Files.writeString(Path.of(args[0] + ".part"), server.adminJdbcUrl());
        Files.move(Path.of(args[0] + ".part"), Path.of(args[0]));
        while (System.in.read() >= 0) {
            continue;
        }
    }
}
