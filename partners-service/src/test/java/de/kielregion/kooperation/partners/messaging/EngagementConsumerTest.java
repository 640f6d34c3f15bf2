package de.kielregion.kooperation.partners.messaging;

import static de.kielregion.kooperation.partners.Api.VIEWER;
import static de.kielregion.kooperation.partners.Api.as;
import static de.kielregion.kooperation.partners.Api.partner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.testing.RecordSender;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** projects-service's events become each partner's engagement, over the real topic. */
@QuarkusTest
class EngagementConsumerTest {

    @Test
    void partnersSeeTheProjectsTheyAreIn() throws Exception {
        String aarhus = partner("Aarhus " + UUID.randomUUID(), "CITY", "DK");
        String goteborg = partner("Göteborg " + UUID.randomUUID(), "CITY", "SE");
        String project = UUID.randomUUID().toString();
        publish(
                "cooperation.project.proposed.v1",
                project,
                Map.of(
                        "id",
                        project,
                        "title",
                        "Mobilität im ländlichen Raum",
                        "status",
                        "IDEA",
                        "partners",
                        List.of(
                                Map.of("partnerId", aarhus, "role", "LEAD_PARTNER"),
                                Map.of("partnerId", goteborg, "role", "PARTNER"),
                                Map.of("partnerId", UUID.randomUUID().toString(), "role", "ASSOCIATED"))));
        await(() -> as(VIEWER)
                .when()
                .get("/partners/" + goteborg + "/engagement")
                .then()
                .extract()
                .jsonPath()
                .getList("projectId")
                .contains(project));
        as(VIEWER)
                .when()
                .get("/partners/" + aarhus + "/engagement")
                .then()
                .body("projectTitle", contains("Mobilität im ländlichen Raum"))
                .body("[0].role", equalTo("LEAD_PARTNER"));

        publish(
                "cooperation.decision.taken.v1",
                project,
                Map.of(
                        "decisionId",
                        UUID.randomUUID().toString(),
                        "subjectType",
                        "Project",
                        "subjectId",
                        project,
                        "subjectName",
                        "Mobilität im ländlichen Raum",
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        "2024-11-20",
                        "outcome",
                        "APPROVED"));
        publish(
                "cooperation.project.status-changed.v1",
                project,
                Map.of(
                        "projectId",
                        project,
                        "title",
                        "Mobilität im ländlichen Raum",
                        "from",
                        "APPROVED",
                        "to",
                        "RESOURCED",
                        "partners",
                        List.of(Map.of("partnerId", aarhus, "role", "LEAD_PARTNER"))));
        await(() -> as(VIEWER)
                .when()
                .get("/partners/" + goteborg + "/engagement")
                .then()
                .extract()
                .jsonPath()
                .getList("projectId")
                .isEmpty());
        as(VIEWER).when().get("/partners/" + aarhus + "/engagement").then().body("[0].status", equalTo("RESOURCED"));
        as(VIEWER)
                .when()
                .get("/partners/" + aarhus + "/history")
                .then()
                .body("action", hasItem("ProjectDecision"))
                .body("find { it.action == 'ProjectDecision' }.changes.outcome", equalTo("APPROVED"));
    }

    private static void publish(String type, String key, Object data) throws Exception {
        RecordSender.send(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "cooperation.projects.v1",
                key,
                CloudEventHeaders.of(
                        UUID.randomUUID().toString(),
                        "/ostsee-kooperation/projects-service",
                        type,
                        key,
                        "Project",
                        Instant.now()),
                new ObjectMapper().writeValueAsString(data));
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the engagement did not arrive");
            }
            Thread.sleep(50);
        }
    }
}
