package de.kielregion.kooperation.platform.reminders;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline a service knows of, as its {@link ReminderSource} reports it.
 *
 * @param kind what kind of deadline (its lead times are configured per kind), e.g. NOTICE_DEADLINE
 * @param subjectType the aggregate it belongs to, e.g. Membership
 * @param subjectId the aggregate's id (the event's key)
 * @param title what it is about, e.g. "Kündigungsfrist UBC (Mitglied: KielRegion)"
 * @param dueOn the deadline
 * @param text what the mail says beyond the title and the date
 * @param audience who is reminded: roles (coordinator, decision-maker) or shareholder-KIEL, ...; each
 *        is a key of {@code reminders.recipients}
 */
public record Due(
        String kind,
        String subjectType,
        String subjectId,
        String title,
        LocalDate dueOn,
        String text,
        List<String> audience) {}
