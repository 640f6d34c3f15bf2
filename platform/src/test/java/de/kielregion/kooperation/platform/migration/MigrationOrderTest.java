package de.kielregion.kooperation.platform.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.infra.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's migrations and each service's share one Flyway history table, versioned by
 * date. A platform migration written after a service applied a later-dated one of its own is
 * older than the database's newest version: Flyway refuses it unless migrations may apply out of
 * order. The services' configuration allows that (the two sets touch different tables), and no
 * two migrations of a service's locations may share a version.
 */
class MigrationOrderTest {

    private static final Pattern VERSION = Pattern.compile("V([0-9_]+)__.+\\.sql");
    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.forTests();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aPlatformMigrationDatedBeforeAnAppliedServiceMigrationStillApplies(@TempDir Path dir) throws Exception {
        boolean outOfOrder = Boolean.parseBoolean(sharedConfig().getProperty("quarkus.flyway.out-of-order"));
        assertTrue(outOfOrder, "quarkus.flyway.out-of-order=true in the platform's shared configuration");

        Path platform = Files.createDirectories(dir.resolve("platform"));
        Path service = Files.createDirectories(dir.resolve("service"));
        Files.writeString(platform.resolve("V2026_11_26_1__outbox.sql"), "CREATE TABLE p_outbox (id int);");
        Files.writeString(service.resolve("V2026_11_27_70__meetings.sql"), "CREATE TABLE s_meeting (id int);");
        String database = "migration_order_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String url = postgres.createDatabase(database);
        try {
            flyway(url, outOfOrder, platform, service).migrate();
            // Later: the platform gains a migration dated before the service's applied one.
            Files.writeString(platform.resolve("V2026_11_27_5__reminder.sql"), "CREATE TABLE p_reminder (id int);");
            FlywayException refused = assertThrows(
                    FlywayException.class,
                    () -> flyway(url, false, platform, service).migrate());
            assertTrue(refused.getMessage().contains("2026.11.27.5"), refused.getMessage());
            assertEquals(1, flyway(url, outOfOrder, platform, service).migrate().migrationsExecuted);
            try (var c = DriverManager.getConnection(url, postgres.user(), postgres.password());
                    var rs = c.createStatement().executeQuery("SELECT to_regclass('p_reminder') IS NOT NULL")) {
                assertTrue(rs.next() && rs.getBoolean(1), "the late platform migration ran");
            }
        } finally {
            postgres.dropDatabase(database);
        }
    }

    @Test
    void noTwoMigrationsOfAServiceShareAVersion() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String service : List.of("partners-service", "projects-service", "memberships-service")) {
            Map<String, String> versions = new HashMap<>();
            for (Path location : List.of(
                    Path.of("src/main/resources/db/platform"),
                    Path.of("..", service, "src/main/resources/db/migration"))) {
                try (Stream<Path> files = Files.list(location)) {
                    for (Path file : files.toList()) {
                        Matcher m = VERSION.matcher(file.getFileName().toString());
                        assertTrue(m.matches(), file + " is not named V<date>_<n>__<what>.sql");
                        String version = m.group(1).replaceAll("_0*(\\d)", ".$1");
                        String other = versions.put(version, file.toString());
                        if (other != null) {
                            problems.add(service + ": " + file + " and " + other + " share version " + version);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Flyway flyway(String url, boolean outOfOrder, Path... locations) {
        return Flyway.configure()
                .dataSource(url, postgres.user(), postgres.password())
                .locations(Stream.of(locations).map(l -> "filesystem:" + l).toArray(String[]::new))
                .outOfOrder(outOfOrder)
                .load();
    }

    private static Properties sharedConfig() throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            p.load(in);
        }
        return p;
    }
}
