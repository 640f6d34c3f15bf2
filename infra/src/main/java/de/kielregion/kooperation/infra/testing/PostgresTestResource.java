package de.kielregion.kooperation.infra.testing;

import de.kielregion.kooperation.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the Quarkus app under test a fresh database on a real PostgreSQL server: the one
 * named by {@code OSTSEE_PG_URL} if set (the database is dropped afterwards), else an
 * embedded server started for this test run.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.forTests();
        database =
                "ostsee_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = server.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            if (!server.isEmbedded()) {
                server.dropDatabase(database);
            }
            server.close();
        }
    }
}
