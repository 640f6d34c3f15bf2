package de.kielregion.kooperation.infra;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What durability costs the local stack: single-row commits per second on the embedded
 * PostgreSQL with fsync and synchronous commit on (kept data) and off (tests). Prints figures,
 * asserts nothing about time:
 *
 * <pre>./mvnw -B -pl infra verify -Pbenchmark</pre>
 */
class PostgresDurabilityBenchmark {

    private static final int COMMITS = 2_000;

    @Test
    void commitsPerSecondDurableAndNot() throws Exception {
        try (PostgresServer durable = PostgresServer.embedded(Files.createTempDirectory("ostsee-pg-bench-"), 0);
                PostgresServer fast = PostgresServer.embedded(null, 0)) {
            System.out.printf(
                    "%nEmbedded PostgreSQL, %,d single-row commits, one connection:%n  durable (local stack): "
                            + "%,.0f commits/s%n  test defaults (fsync off): %,.0f commits/s%n",
                    COMMITS, rate(durable), rate(fast));
        }
    }

    private static double rate(PostgresServer server) throws Exception {
        try (Connection c =
                DriverManager.getConnection(server.createDatabase("bench"), server.user(), server.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id bigserial primary key, v text)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                for (int i = 0; i < 200; i++) {
                    insert.setString(1, "warm");
                    insert.executeUpdate();
                }
                long start = System.nanoTime();
                for (int i = 0; i < COMMITS; i++) {
                    insert.setString(1, "row " + i);
                    insert.executeUpdate();
                }
                return COMMITS / ((System.nanoTime() - start) / 1e9);
            }
        }
    }
}
