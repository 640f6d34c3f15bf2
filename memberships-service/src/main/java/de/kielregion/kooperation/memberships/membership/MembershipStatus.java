package de.kielregion.kooperation.memberships.membership;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a membership: CANDIDATE → UNDER_REVIEW → DECIDED_JOIN | DECIDED_DECLINE →
 * AWAITING_FUNDING → ACTIVE → NOTICE_GIVEN → ENDED. Decisions and the funding answer move
 * it; {@link #manualNext()} lists what a coordinator may set by hand.
 */
public enum MembershipStatus {
    CANDIDATE,
    UNDER_REVIEW,
    DECIDED_JOIN,
    DECIDED_DECLINE,
    AWAITING_FUNDING,
    ACTIVE,
    NOTICE_GIVEN,
    ENDED;

    /** The statuses a coordinator may set by hand from this one. */
    public Set<MembershipStatus> manualNext() {
        return switch (this) {
            case CANDIDATE -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(CANDIDATE);
            case NOTICE_GIVEN -> EnumSet.of(ENDED);
            default -> EnumSet.noneOf(MembershipStatus.class);
        };
    }

    /** Whether a join or decline decision can be taken in this status. */
    public boolean awaitsDecision() {
        return this == CANDIDATE || this == UNDER_REVIEW;
    }
}
