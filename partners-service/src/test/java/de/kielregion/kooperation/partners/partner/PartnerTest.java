package de.kielregion.kooperation.partners.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.partners.PartnerRetired;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retiring is a rule of the partner, which returns the event that tells the others. */
class PartnerTest {

    @Test
    void retiringReturnsTheEventAndASecondRetirementIs409ChangingNothing() {
        Partner p = new Partner();
        p.id = UUID.randomUUID();
        p.name = "Region Midtjylland";
        p.status = PartnerStatus.ACTIVE;

        Change change = p.retire();
        assertEquals(PartnerStatus.RETIRED, p.status);
        assertEquals("PartnerRetired", change.action());
        assertEquals(EventTypes.PARTNER_RETIRED, change.eventType());
        assertEquals(p.id, change.eventKey());
        PartnerRetired retired = (PartnerRetired) change.event().get();
        assertEquals(p.id, retired.id());
        assertEquals("RETIRED", retired.status());
        assertEquals(p.updatedAt, retired.retiredAt());

        var stamp = p.updatedAt;
        ProblemException again = assertThrows(ProblemException.class, p::retire);
        assertEquals(409, again.problem().getStatus());
        assertEquals(stamp, p.updatedAt);
    }
}
