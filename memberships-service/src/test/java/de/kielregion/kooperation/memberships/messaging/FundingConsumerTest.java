package de.kielregion.kooperation.memberships.messaging;

import static de.kielregion.kooperation.memberships.Api.COORDINATOR;
import static de.kielregion.kooperation.memberships.Api.VIEWER;
import static de.kielregion.kooperation.memberships.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.infra.testing.RecordSender;
import de.kielregion.kooperation.memberships.Api;
import de.kielregion.kooperation.platform.events.CloudEventHeaders;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** projects-service's answers to fee requests reach memberships-service over the real topic. */
@QuarkusTest
class FundingConsumerTest {

    @Test
    void rejectedFundingWaitsWithItsReasonThenARetryIsAllocated() throws Exception {
        String id =
                de.kielregion.kooperation.memberships.Api.joinedMembership("F", "3900.00", "2025-01-01", "2024-11-20");
        as(COORDINATOR)
                .when()
                .post("/memberships/" + id + "/funding-request")
                .then()
                .statusCode(409)
                .body("detail", containsString("still waiting for its answer"));

        answer(
                "cooperation.allocation.rejected.v1",
                id,
                request(id, 1),
                "REJECTED",
                "MEMBERSHIP_FEES 2025: 100.00 EUR free, 3900.00 asked");
        awaitFundingNote(id, "MEMBERSHIP_FEES 2025: 100.00 EUR free, 3900.00 asked");
        as(VIEWER).when().get("/memberships/" + id).then().body("status", equalTo("AWAITING_FUNDING"));

        // Asked again (e.g. after the line was raised): a second ResourcesRequested.
        as(COORDINATOR)
                .when()
                .post("/memberships/" + id + "/funding-request")
                .then()
                .statusCode(200);
        as(COORDINATOR)
                .when()
                .post("/memberships/" + id + "/funding-request")
                .then()
                .statusCode(409);

        answer("cooperation.resources.allocated.v1", id, request(id, 2), "ALLOCATED", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = "";
        while (!"ACTIVE".equals(status) && System.nanoTime() < deadline) {
            status =
                    as(VIEWER).when().get("/memberships/" + id).then().extract().path("status");
            Thread.sleep(50);
        }
        assertEquals("ACTIVE", status);
        as(VIEWER)
                .when()
                .get("/memberships/" + id)
                .then()
                .body("renewalDate", equalTo("2026-01-01"))
                .body("fundingNote", equalTo(null));
        as(COORDINATOR)
                .when()
                .post("/memberships/" + id + "/funding-request")
                .then()
                .statusCode(409);
    }

    /** The id of the n-th ResourcesRequested of the membership, read off the real topic. */
    static String request(String membership, int n) throws Exception {
        List<String> requests = Api.events(
                        membership,
                        rs -> rs.stream()
                                        .filter(r -> EventTypes.RESOURCES_REQUESTED.equals(Api.type(r)))
                                        .count()
                                >= n)
                .stream()
                .filter(r -> EventTypes.RESOURCES_REQUESTED.equals(Api.type(r)))
                .map(r -> r.value())
                .toList();
        assertEquals(n, requests.size(), "fee requests published");
        return new ObjectMapper().readTree(requests.get(n - 1)).get("requestId").asText();
    }

    static void answer(String type, String membership, String requestId, String status, String reason)
            throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("allocationId", UUID.randomUUID().toString());
        data.put("requestId", requestId);
        data.put("subjectType", "MEMBERSHIP");
        data.put("subjectId", membership);
        data.put("year", 2025);
        data.put("category", "MEMBERSHIP_FEES");
        data.put("amount", "3900.00");
        data.put("status", status);
        data.put("reason", reason);
        RecordSender.send(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "cooperation.projects.v1",
                membership,
                CloudEventHeaders.of(
                        UUID.randomUUID().toString(),
                        "/ostsee-kooperation/projects-service",
                        type,
                        membership,
                        "Membership",
                        Instant.now()),
                new ObjectMapper().writeValueAsString(data));
    }

    private static void awaitFundingNote(String id, String note) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (note.equals(
                    as(VIEWER).when().get("/memberships/" + id).then().extract().path("fundingNote"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the funding note did not arrive");
    }
}
