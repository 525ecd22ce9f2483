package dev.tenancy.sample.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the development database keeps its data and which port it listens on ({@code sample.embedded-database.*}).
 *
 * @param dataDirectory the PostgreSQL data directory; kept between runs (relative paths start at the working
 *     directory)
 * @param port the local port the server listens on; a command run while the application serves finds the server
 *     there and shares it
 */
@ConfigurationProperties("sample.embedded-database")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port) {
}
