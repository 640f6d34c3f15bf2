package de.kielregion.kooperation.projects.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.resources.AllocationChanged;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.projects.budget.Allocation.Status;
import de.kielregion.kooperation.projects.budget.Allocation.SubjectType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An allocation decides itself against the room on its line and returns the event of its state. */
class AllocationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static BudgetLine line() {
        BudgetLine line = new BudgetLine();
        line.id = UUID.randomUUID();
        line.year = 2026;
        line.category = Category.PROJECT_FUNDS;
        line.amount = new BigDecimal("10000.00");
        return line;
    }

    private static Allocation request(BudgetLine line, String amount, String free) {
        return Allocation.request(
                SubjectType.PROJECT,
                UUID.randomUUID(),
                "Rufbus Plön",
                2026,
                Category.PROJECT_FUNDS,
                new BigDecimal(amount),
                null,
                line,
                free == null ? null : new BigDecimal(free),
                NOW);
    }

    @Test
    void whatFitsIntoTheFreeRoomIsAllocatedExactlyToTheLastCent() {
        Allocation a = request(line(), "2500.00", "2500.00");
        assertEquals(Status.ALLOCATED, a.status);
        assertNull(a.reason);
        assertEquals(EventTypes.RESOURCES_ALLOCATED, a.eventType());
    }

    @Test
    void moreThanIsFreeIsRejectedNamingWhatIsFree() {
        Allocation a = request(line(), "2500.01", "2500.00");
        assertEquals(Status.REJECTED, a.status);
        assertEquals("Projektmittel 2026: 2.500,00\u00a0€ frei, 2.500,01\u00a0€ angefragt", a.reason);
        assertEquals(EventTypes.ALLOCATION_REJECTED, a.eventType());
    }

    @Test
    void withoutALineTheRequestIsRejected() {
        Allocation a = request(null, "1.00", null);
        assertEquals(Status.REJECTED, a.status);
        assertNull(a.lineId);
        assertEquals("Für 2026 gibt es keine Budgetlinie Projektmittel", a.reason);
    }

    @Test
    void onlyWhatIsAllocatedCanBeReleasedAndTheEventSaysSo() {
        Allocation rejected = request(line(), "9.00", "1.00");
        ProblemException refused =
                assertThrows(ProblemException.class, () -> rejected.release(null, NOW.plusSeconds(60)));
        assertEquals(409, refused.problem().getStatus());
        assertEquals(Status.REJECTED, rejected.status);

        Allocation a = request(line(), "1.00", "9.00");
        a.release("released with the subject", NOW.plusSeconds(60));
        assertEquals(Status.RELEASED, a.status);
        assertEquals(NOW.plusSeconds(60), a.updatedAt);
        assertEquals(EventTypes.RESOURCES_RELEASED, a.eventType());
        AllocationChanged event = a.changed(2026, Category.PROJECT_FUNDS);
        assertEquals("RELEASED", event.status());
        assertEquals("released with the subject", event.reason());
        assertEquals(new BigDecimal("1.00"), event.amount());
        assertEquals("PROJECT", event.subjectType());
        assertEquals(a.subjectId, event.subjectId());
    }
}
