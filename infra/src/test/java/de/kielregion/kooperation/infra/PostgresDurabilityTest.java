package de.kielregion.kooperation.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The local stack keeps its data: there PostgreSQL writes durably; throwaway test servers stay fast. */
class PostgresDurabilityTest {

    @Test
    void keptDataIsWrittenDurablyThrowawayDataIsNot() throws Exception {
        Path data = Files.createTempDirectory("ostsee-pg-durable-");
        try (PostgresServer kept = PostgresServer.embedded(data, 0)) {
            assertEquals("on", setting(kept, "fsync"));
            assertEquals("on", setting(kept, "synchronous_commit"));
            assertEquals("on", setting(kept, "full_page_writes"));
        }
        try (PostgresServer throwaway = PostgresServer.embedded(null, 0)) {
            assertEquals("off", setting(throwaway, "fsync"));
            assertEquals("on", setting(throwaway, "synchronous_commit"));
        }
    }

    /**
     * Found by the fault campaign (seed 7): a test server answered commits before writing their
     * WAL (synchronous_commit off), and an immediate restart right after lost a committed row.
     */
    @Test
    void seed7ACommitAnsweredBeforeAnImmediateRestartIsKept() throws Exception {
        try (PostgresServer server = PostgresServer.embedded(null, 0)) {
            String url = server.createDatabase("restart_probe");
            try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (n int)");
                for (int i = 0; i < 200; i++) {
                    s.execute("INSERT INTO kept VALUES (" + i + ")");
                }
            }
            server.restart("immediate");
            try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
                rs.next();
                assertEquals(200, rs.getLong(1), "every committed row is there after the restart");
            }
            server.restart("fast");
            assertEquals("on", setting(server, "synchronous_commit"), "the server is back with its settings");
        }
    }

    static String setting(PostgresServer server, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        server.createDatabase("probe_" + name), server.user(), server.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
