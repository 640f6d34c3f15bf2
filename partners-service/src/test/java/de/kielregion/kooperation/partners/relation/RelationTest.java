package de.kielregion.kooperation.partners.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.partners.RelationChanged;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The focus-partner rules live on the relation: designate once, revoke only an active one, designate again. */
class RelationTest {

    @Test
    void aFocusPartnershipIsDesignatedRevokedAndDesignatedAgain() {
        Relation r = Relation.focusPartner(Shareholder.KIEL, UUID.randomUUID());
        assertEquals(RelationKind.FOCUS_PARTNER, r.kind);

        Change designated = r.designateFocus(LocalDate.of(2025, 3, 1));
        assertEquals(RelationStatus.ACTIVE, r.status);
        assertEquals("FocusPartnerDesignated", designated.action());
        RelationChanged event = (RelationChanged) designated.event().get();
        assertEquals("ACTIVE", event.status());
        assertEquals(LocalDate.of(2025, 3, 1), event.since());
        assertEquals(LocalDate.of(2025, 3, 1), r.since);
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> r.designateFocus(LocalDate.of(2025, 4, 1)))
                        .problem()
                        .getStatus());
        assertEquals(LocalDate.of(2025, 3, 1), r.since);

        Change revoked = r.revokeFocus(LocalDate.of(2026, 1, 31));
        assertEquals(RelationStatus.ENDED, r.status);
        assertEquals("FocusPartnerRevoked", revoked.action());
        assertEquals("ENDED", ((RelationChanged) revoked.event().get()).status());
        assertEquals(LocalDate.of(2026, 1, 31), r.until);
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> r.revokeFocus(LocalDate.of(2026, 2, 1)))
                        .problem()
                        .getStatus());

        r.designateFocus(LocalDate.of(2026, 6, 1));
        assertEquals(RelationStatus.ACTIVE, r.status);
        assertNull(r.until);
    }

    @Test
    void revokingAFocusPartnershipThatNeverExistedIs409() {
        Relation r = Relation.focusPartner(Shareholder.PLOEN, UUID.randomUUID());
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> r.revokeFocus(LocalDate.of(2026, 1, 1)))
                        .problem()
                        .getStatus());
    }
}
