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
            assertEquals("off", setting(throwaway, "synchronous_commit"));
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
