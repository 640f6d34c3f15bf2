package de.kielregion.kooperation.projects.budget;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.projects.budget.Allocation.Status;
import de.kielregion.kooperation.projects.budget.Allocation.SubjectType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The answer to memberships-service's fee requests (the consumer of issue 6 calls it). */
@QuarkusTest
class FeeRequestTest {

    @Inject
    BudgetService budget;

    @Test
    void aFeeRequestIsAnsweredOnceAndOnlyWithRoom() {
        as(COORDINATOR)
                .body(Map.of("amount", "5000.00"))
                .when()
                .put("/budget/2092/lines/MEMBERSHIP_FEES")
                .then()
                .statusCode(200);
        UUID request = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        var first = budget.allocateForRequest(
                request,
                SubjectType.MEMBERSHIP,
                membership,
                "Mitgliedschaft in UBC (KielRegion)",
                2092,
                Category.MEMBERSHIP_FEES,
                new BigDecimal("3900.00"));
        assertEquals(Status.ALLOCATED, first.status());
        var again = budget.allocateForRequest(
                request,
                SubjectType.MEMBERSHIP,
                membership,
                "Mitgliedschaft in UBC (KielRegion)",
                2092,
                Category.MEMBERSHIP_FEES,
                new BigDecimal("3900.00"));
        assertEquals(first.id(), again.id(), "a redelivered request gets the same answer, no second booking");
        var tooMuch = budget.allocateForRequest(
                UUID.randomUUID(),
                SubjectType.MEMBERSHIP,
                UUID.randomUUID(),
                "Mitgliedschaft in STRING (KielRegion)",
                2092,
                Category.MEMBERSHIP_FEES,
                new BigDecimal("1500.00"));
        assertEquals(Status.REJECTED, tooMuch.status());
        assertEquals("Mitgliedsbeiträge 2092: 1.100,00\u00a0€ frei, 1.500,00\u00a0€ angefragt", tooMuch.reason());
        var noLine = budget.allocateForRequest(
                UUID.randomUUID(),
                SubjectType.MEMBERSHIP,
                UUID.randomUUID(),
                "x",
                2093,
                Category.MEMBERSHIP_FEES,
                BigDecimal.ONE);
        assertEquals("Für 2093 gibt es keine Budgetlinie Mitgliedsbeiträge", noLine.reason());
    }
}
