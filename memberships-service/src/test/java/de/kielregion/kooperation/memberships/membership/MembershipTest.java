package de.kielregion.kooperation.memberships.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.memberships.MembershipStatusChanged;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The membership's lifecycle rules live on the aggregate, which returns the event of a move. */
class MembershipTest {

    private static Membership membership(MembershipStatus status) {
        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.holder = Shareholder.KIELREGION;
        m.organisationId = UUID.randomUUID();
        m.status = status;
        return m;
    }

    private static MembershipStatusChanged moved(Change change) {
        return (MembershipStatusChanged) change.event().get();
    }

    @Test
    void aMoveByHandThatOnlyADecisionMayMakeIs409AndChangesNothing() {
        Membership m = membership(MembershipStatus.UNDER_REVIEW);
        ProblemException refused = assertThrows(
                ProblemException.class, () -> m.moveByHand(MembershipStatus.ACTIVE, LocalDate.now(), "UBC"));
        assertEquals(409, refused.problem().getStatus());
        assertEquals(MembershipStatus.UNDER_REVIEW, m.status);
    }

    @Test
    void aMembershipEndsNotBeforeItsEndDate() {
        Membership m = membership(MembershipStatus.NOTICE_GIVEN);
        m.endDate = LocalDate.of(2026, 12, 31);
        assertThrows(
                ProblemException.class, () -> m.moveByHand(MembershipStatus.ENDED, LocalDate.of(2026, 12, 30), "UBC"));
        Change change = m.moveByHand(MembershipStatus.ENDED, LocalDate.of(2026, 12, 31), "UBC");
        assertEquals("StatusChanged", change.action());
        assertEquals(EventTypes.MEMBERSHIP_STATUS_CHANGED, change.eventType());
        assertEquals(m.id, change.eventKey());
        assertEquals(Map.of("from", "NOTICE_GIVEN", "to", "ENDED"), ((Map<?, ?>) change.history()).get("status"));
        MembershipStatusChanged ended = moved(change);
        assertEquals("NOTICE_GIVEN", ended.from());
        assertEquals("ENDED", ended.to());
        assertEquals("UBC", ended.organisationAcronym());
        assertEquals(MembershipStatus.ENDED, m.status);
    }

    @Test
    void decisionsFitTheStatusAndNoticeEndsWithTheTermItReaches() {
        assertThrows(
                ProblemException.class,
                () -> membership(MembershipStatus.CANDIDATE).requireDecidable(MembershipDecision.Kind.TERMINATE));
        assertThrows(
                ProblemException.class,
                () -> membership(MembershipStatus.ACTIVE).requireDecidable(MembershipDecision.Kind.JOIN));
        Membership m = membership(MembershipStatus.ACTIVE);
        m.requireDecidable(MembershipDecision.Kind.TERMINATE);
        m.renewalDate = LocalDate.of(2027, 1, 1);
        m.termMonths = 12;
        m.noticePeriod = "P3M";
        MembershipStatusChanged notice = moved(m.giveNotice(LocalDate.of(2026, 11, 27), UUID.randomUUID(), "UBC"));
        assertEquals(MembershipStatus.NOTICE_GIVEN, m.status);
        assertEquals("notice given; ends " + m.endDate, notice.note());
        assertTrue(m.endDate.isAfter(LocalDate.of(2026, 11, 27)), "ends after the notice: " + m.endDate);
    }

    @Test
    void onlyTheAnswerToThePendingFeeRequestCountsAndARefusalKeepsItWaiting() {
        Membership m = membership(MembershipStatus.AWAITING_FUNDING);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        m.awaitFunding(first);
        Change refused = m.fundingRefused(null);
        assertEquals("The fee request was refused", m.fundingNote);
        assertEquals(false, refused.publishes(), "a refusal is only the membership's history");
        assertEquals(Map.of("reason", "The fee request was refused"), refused.history());
        assertEquals(MembershipStatus.AWAITING_FUNDING, m.status);

        m.awaitFunding(second);
        assertEquals(null, m.fundingNote);
        assertTrue(m.awaitsAnswerTo(second));
        assertEquals(false, m.awaitsAnswerTo(first), "the answer to the older request no longer counts");
        assertEquals(false, membership(MembershipStatus.ACTIVE).awaitsAnswerTo(second));
    }

    @Test
    void aFundedMembershipStartsTodayUnlessAStartWasAgreedAndRenewsAfterItsTerm() {
        Membership m = membership(MembershipStatus.AWAITING_FUNDING);
        m.termMonths = 12;
        m.awaitFunding(UUID.randomUUID());
        MembershipStatusChanged started = moved(m.start(LocalDate.of(2026, 3, 2), null, "fee allocated", "UBC"));
        assertEquals(MembershipStatus.ACTIVE, m.status);
        assertEquals(LocalDate.of(2026, 3, 2), m.startDate);
        assertEquals(LocalDate.of(2027, 3, 2), m.renewalDate);
        assertEquals(null, m.pendingRequest);
        assertEquals("AWAITING_FUNDING", started.from());

        Membership agreed = membership(MembershipStatus.UNDER_REVIEW);
        agreed.termMonths = 24;
        agreed.startDate = LocalDate.of(2026, 1, 1);
        agreed.start(LocalDate.of(2026, 3, 2), UUID.randomUUID(), "joined; no fee to fund", "UBC");
        assertEquals(LocalDate.of(2026, 1, 1), agreed.startDate);
        assertEquals(LocalDate.of(2028, 1, 1), agreed.renewalDate);
    }
}
