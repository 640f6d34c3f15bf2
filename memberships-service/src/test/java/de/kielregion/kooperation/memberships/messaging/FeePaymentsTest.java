package de.kielregion.kooperation.memberships.messaging;

import static de.kielregion.kooperation.memberships.Api.COORDINATOR;
import static de.kielregion.kooperation.memberships.Api.KIEL;
import static de.kielregion.kooperation.memberships.Api.VIEWER;
import static de.kielregion.kooperation.memberships.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.memberships.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A funded fee year is invoiced and paid: the payment needs the invoice and the funding, is never
 * more than the fee nor outside its year, is recorded once; paying publishes MembershipFeePaid for
 * projects-service; the refusals are German for German callers.
 */
@QuarkusTest
class FeePaymentsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private static final int YEAR = TODAY.getYear();

    private static String fundedMembership() {
        return Api.joinedMembership("P", "1500.00", LocalDate.of(YEAR, 1, 1).toString(), TODAY.toString());
    }

    private static io.restassured.response.ValidatableResponse post(String id, String what, Map<String, Object> body) {
        return as(COORDINATOR)
                .header("Accept-Language", "de")
                .body(body)
                .when()
                .post("/memberships/" + id + "/fee-years/" + YEAR + "/" + what)
                .then();
    }

    private static JsonPath year(String id) {
        return as(VIEWER)
                .when()
                .get("/memberships/" + id + "/fee-years")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.year == " + YEAR + " }");
    }

    @Test
    void aFundedYearIsInvoicedAndPaidOnce() throws Exception {
        String id = fundedMembership();
        Map<String, Object> invoice = Map.of(
                "invoiceNumber",
                "R-" + YEAR + "-17",
                "invoicedOn",
                TODAY.toString(),
                "amount",
                "1500.00",
                "payableBy",
                TODAY.plusDays(30).toString());
        Map<String, Object> payment = Map.of("paidOn", TODAY.toString(), "amount", "1500.00");

        // No invoice yet; then not funded yet (the answer of projects-service is still out).
        post(id, "payment", payment).statusCode(409).body("detail", containsString("keine Rechnung"));
        post(id, "invoice", invoice).statusCode(200);
        assertEquals("R-" + YEAR + "-17", year(id).getString("invoiceNumber"));
        post(id, "payment", payment).statusCode(409).body("detail", containsString("nicht bewilligt"));

        FundingConsumerTest.answer(
                "cooperation.resources.allocated.v1", id, FundingConsumerTest.request(id, 1), "ALLOCATED", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"ALLOCATED".equals(year(id).getString("status")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        post(id, "payment", Map.of("paidOn", TODAY.toString(), "amount", "1500.01"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("1.500,01\u00a0€"));
        post(id, "payment", Map.of("paidOn", TODAY.plusDays(1).toString(), "amount", "1500.00"))
                .statusCode(400);
        post(
                        id,
                        "invoice",
                        Map.of(
                                "invoiceNumber",
                                "X",
                                "invoicedOn",
                                TODAY.toString(),
                                "amount",
                                "10.00",
                                "payableBy",
                                TODAY.minusDays(1).toString()))
                .statusCode(400);
        as(KIEL).body(payment)
                .when()
                .post("/memberships/" + id + "/fee-years/" + YEAR + "/payment")
                .then()
                .statusCode(403);
        post(id, "payment", payment).statusCode(200);
        post(id, "payment", payment).statusCode(409).body("detail", containsString("gezahlt"));
        post(id, "invoice", invoice).statusCode(409);
        JsonPath paid = year(id);
        assertEquals(TODAY.toString(), paid.getString("paidOn"));
        assertEquals(1500.0f, paid.getFloat("paidAmount"));
        as(COORDINATOR)
                .body(payment)
                .when()
                .post("/memberships/" + id + "/fee-years/" + (YEAR + 5) + "/payment")
                .then()
                .statusCode(404);

        List<ConsumerRecord<String, String>> events =
                Api.events(id, rs -> rs.stream().anyMatch(r -> EventTypes.MEMBERSHIP_FEE_PAID.equals(Api.type(r))));
        List<ConsumerRecord<String, String>> paidEvents = events.stream()
                .filter(r -> EventTypes.MEMBERSHIP_FEE_PAID.equals(Api.type(r)))
                .toList();
        assertEquals(1, paidEvents.size(), "one payment, one event");
        JsonPath event = JsonPath.from(paidEvents.get(0).value());
        assertEquals(YEAR, event.getInt("year"));
        assertEquals(paid.getString("requestId"), event.getString("requestId"));
        assertTrue(event.getString("organisationAcronym").startsWith("P"));
        as(VIEWER)
                .when()
                .get("/memberships/" + id + "/history")
                .then()
                .body("action", org.hamcrest.Matchers.hasItems("FeeInvoiced", "FeePaid"));
    }

    @Test
    void aYearNeverRequestedIsNotFound() {
        as(COORDINATOR)
                .body(Map.of("paidOn", TODAY.toString(), "amount", "1.00"))
                .when()
                .post("/memberships/" + UUID.randomUUID() + "/fee-years/" + YEAR + "/payment")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
    }
}
