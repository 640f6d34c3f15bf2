package de.kielregion.kooperation.projects.meeting;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rendering a board meeting's papers: an agenda of 40 items (30 projects with financing, 10 free
 * items), the paper of one project as PDF and the meeting's documents (invitation, agenda, 40
 * papers) as Markdown and PDF. Prints median and 95th percentile, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl projects-service -am verify -Pbenchmark -Dtest=MeetingBenchmark</pre>
 */
@QuarkusTest
class MeetingBenchmark {

    @Test
    void papersOfAMeetingWithFortyItems() {
        String meeting = as(COORDINATOR)
                .body(Map.of(
                        "body", "SUPERVISORY_BOARD",
                        "meetsOn", LocalDate.now().plusDays(30).toString(),
                        "title", "AR-Sitzung Benchmark",
                        "place", "Kiel"))
                .when()
                .post("/board-meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (int i = 0; i < 30; i++) {
            String project = as(COORDINATOR)
                    .body(Map.of(
                            "title",
                            "Vorhaben " + i,
                            "summary",
                            "Ein Vorhaben im Ostseeraum mit Partnern aus Dänemark und Schweden.",
                            "financing",
                            List.of(
                                    Map.of("kind", "EU_PROGRAMME", "name", "Interreg", "amount", "120000.00"),
                                    Map.of("kind", "OWN_FUNDS", "name", "Eigenanteil", "amount", "30000.00"))))
                    .when()
                    .post("/projects")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(COORDINATOR)
                    .body(Map.of("subjectType", "PROJECT", "subjectId", project))
                    .when()
                    .post("/board-meetings/" + meeting + "/agenda")
                    .then()
                    .statusCode(200);
        }
        for (int i = 0; i < 10; i++) {
            as(COORDINATOR)
                    .body(Map.of("subjectType", "OTHER", "title", "Bericht " + i, "note", "Mündlicher Bericht"))
                    .when()
                    .post("/board-meetings/" + meeting + "/agenda")
                    .then()
                    .statusCode(200);
        }
        String item = as(VIEWER)
                .when()
                .get("/board-meetings/" + meeting)
                .then()
                .extract()
                .path("agenda[0].id");
        StringBuilder report = new StringBuilder("Board meeting with 40 items:\n");
        report.append(measure("  paper of one project (PDF)     ", "/agenda-items/" + item + "/paper/pdf", 30));
        report.append(
                measure("  meeting documents (Markdown)   ", "/board-meetings/" + meeting + "/documents/markdown", 20));
        report.append(
                measure("  meeting documents (PDF)        ", "/board-meetings/" + meeting + "/documents/pdf", 10));
        report.append(measure("  meeting with its agenda (JSON) ", "/board-meetings/" + meeting, 50));
        System.out.println("\n" + report);
    }

    private static String measure(String label, String path, int n) {
        as(VIEWER).when().get(path).then().statusCode(200); // warm-up
        long[] ms = new long[n];
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            bytes = as(VIEWER).when().get(path).then().statusCode(200).extract().asByteArray().length;
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return String.format(
                "%s median %,d ms, p95 %,d ms (%,d bytes, n=%d)%n", label, ms[n / 2], ms[(int) (n * 0.95)], bytes, n);
    }
}
