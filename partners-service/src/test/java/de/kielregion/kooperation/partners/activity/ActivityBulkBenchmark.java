package de.kielregion.kooperation.partners.activity;

import static de.kielregion.kooperation.partners.Api.KIEL;
import static de.kielregion.kooperation.partners.Api.as;
import static de.kielregion.kooperation.partners.Api.partner;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A shareholder's bulk push of 10,000 activities over HTTP, against the real database and
 * broker: time of the push, events produced, time until the relay has published them, and
 * the same for a repeated identical push. Prints figures, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl partners-service -am verify -Pbenchmark</pre>
 */
@QuarkusTest
class ActivityBulkBenchmark {

    private static final int ACTIVITIES = 10_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pushTenThousandActivities() throws Exception {
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            partners.add(partner("Bench partner " + i + " " + UUID.randomUUID(), "CITY", "DK"));
        }
        StringBuilder report = new StringBuilder("Bulk push of " + ACTIVITIES + " activities (one request)\n");
        String prefix = "B-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES; i++) {
            items.add(Map.of(
                    "externalId",
                    prefix + i,
                    "title",
                    "Aktivität " + i,
                    "kind",
                    "EXCHANGE",
                    "yearFrom",
                    2015 + i % 10,
                    "partnerIds",
                    List.of(partners.get(i % 20), partners.get((i + 7) % 20)),
                    "themes",
                    List.of("Thema " + i % 12, "Kultur")));
        }
        Map<String, Object> body = Map.of("activities", items);
        as(KIEL).body(body)
                .when()
                .post("/shareholders/KIEL/activities/bulk")
                .then()
                .statusCode(200); // warm-up
        String prefix2 = prefix.replace("B-", "C-");
        List<Map<String, Object>> fresh = items.stream()
                .map(m -> {
                    Map<String, Object> copy = new java.util.HashMap<>(m);
                    copy.put("externalId", ((String) m.get("externalId")).replace(prefix, prefix2));
                    return (Map<String, Object>) copy;
                })
                .toList();
        awaitDrained();

        for (String run : List.of("first push (all new)", "repeated identical push")) {
            long eventsBefore = count("SELECT count(*) FROM outbox_event");
            long start = System.nanoTime();
            String result = as(KIEL).body(Map.of("activities", fresh))
                    .when()
                    .post("/shareholders/KIEL/activities/bulk")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            double pushSeconds = (System.nanoTime() - start) / 1e9;
            long events = count("SELECT count(*) FROM outbox_event") - eventsBefore;
            double drainSeconds = pushSeconds + awaitDrained();
            report.append(String.format(
                    "%s: %.2f s for the request (%,.0f activities/s), %,d events produced, "
                            + "all published %.2f s after the request started; response %s%n",
                    run, pushSeconds, ACTIVITIES / pushSeconds, events, drainSeconds, result));
        }
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "activity-bulk-benchmark.txt"), report);
    }

    /** Waits until the outbox is drained; returns seconds waited. */
    private double awaitDrained() throws Exception {
        long start = System.nanoTime();
        while (count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
