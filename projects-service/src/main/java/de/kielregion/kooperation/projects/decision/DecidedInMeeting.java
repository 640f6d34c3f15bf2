package de.kielregion.kooperation.projects.decision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision was taken in a board meeting: its agenda item is marked decided (the meeting package
 * observes it, in the decision's transaction).
 *
 * @param strict whether a meeting that does not fit is refused (400: a decision recorded here) or
 *     ignored (a decision another service announced, which it could not check)
 */
public record DecidedInMeeting(
        UUID meetingId,
        UUID decisionId,
        String subjectType,
        UUID subjectId,
        String subjectName,
        String body,
        LocalDate decidedOn,
        boolean strict) {

    static DecidedInMeeting of(Decision d, boolean strict) {
        return new DecidedInMeeting(
                d.meetingId, d.id, d.subjectType, d.subjectId, d.subjectName, d.body, d.decidedOn, strict);
    }
}
