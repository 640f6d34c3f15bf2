package de.kielregion.kooperation.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * {@value EventTypes#DEADLINE_APPROACHING} (key: the subject's id): a deadline comes near and a
 * reminder went out for it, once per deadline and lead time; any service publishes it on its own
 * topic for the deadlines it owns.
 *
 * @param kind NOTICE_DEADLINE (memberships), NEXT_STEP_DUE, DECISION_REVISIT (projects), ...
 * @param subjectType e.g. {@code Membership}, {@code NextStep}, {@code Decision}
 * @param subjectId the subject's id
 * @param title what the deadline is about, as a person reads it
 * @param dueOn the deadline
 * @param daysLeft days from the reminder to the deadline (0: today)
 * @param audience who was reminded: roles ({@code coordinator}) or {@code shareholder:KIEL}
 */
public record DeadlineApproaching(
        String kind,
        String subjectType,
        String subjectId,
        String title,
        LocalDate dueOn,
        long daysLeft,
        List<String> audience) {}
