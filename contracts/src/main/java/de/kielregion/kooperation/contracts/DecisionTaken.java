package de.kielregion.kooperation.contracts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@value EventTypes#DECISION_TAKEN}: a body decided on something of one service; every
 * service publishes it on its own topic, and projects-service enters it in the decision
 * register. One record for all three producers: a field one of them has no use for is null.
 *
 * @param decisionId the decision's id (the register enters each id once)
 * @param service the service that recorded it, e.g. {@code partners-service}
 * @param subjectType what was decided on: {@code Partner}, {@code Membership}, {@code Project}, ...
 * @param subjectId its id; null for a decision on the strategy as a whole
 * @param subjectName its name as a person reads it
 * @param kind the kind of decision of that subject, e.g. {@code JOIN}, {@code DESIGNATE_FOCUS_PARTNER}
 * @param body who decided
 * @param decidedOn the day of the decision
 * @param outcome how it came out
 * @param conditions the conditions of an approval with conditions
 * @param minutesReference where the minutes are
 * @param note a free note on the decision (partner decisions)
 * @param shareholder whose the subject is: the member (memberships), the one whose focus partner
 *        it is (partners); null otherwise
 * @param organisationId the organisation of a membership decision
 * @param organisationAcronym its acronym, e.g. {@code UBC}
 * @param revisitOn the day a DEFERRED decision is taken up again; null for every other outcome
 *        (added after v1 was first published: older events lack it and are read with null)
 * @param meetingId the board meeting (projects-service's) the decision was taken in; null when it
 *        was taken outside one (added after v1: older events lack it and are read with null)
 */
public record DecisionTaken(
        UUID decisionId,
        String service,
        String subjectType,
        UUID subjectId,
        String subjectName,
        String kind,
        DecisionBody body,
        LocalDate decidedOn,
        DecisionOutcome outcome,
        String conditions,
        String minutesReference,
        String note,
        Shareholder shareholder,
        UUID organisationId,
        String organisationAcronym,
        LocalDate revisitOn,
        UUID meetingId) {}
