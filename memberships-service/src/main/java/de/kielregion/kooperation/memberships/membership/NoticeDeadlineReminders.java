package de.kielregion.kooperation.memberships.membership;

import de.kielregion.kooperation.memberships.MembershipEvents;
import de.kielregion.kooperation.memberships.membership.MembershipApi.Deadline;
import de.kielregion.kooperation.platform.reminders.Due;
import de.kielregion.kooperation.platform.reminders.ReminderSource;
import de.kielregion.kooperation.platform.text.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * The last days to give notice of active memberships, for the reminders (90, 30 and 7 days before
 * by default): to the coordinators and the member shareholder's address.
 */
@ApplicationScoped
class NoticeDeadlineReminders implements ReminderSource {

    /** Far enough ahead for the longest lead time there can sensibly be. */
    private static final String HORIZON = "P1Y";

    private final NoticeDeadlineReport report;

    NoticeDeadlineReminders(NoticeDeadlineReport report) {
        this.report = report;
    }

    @Override
    public List<Due> due(LocalDate today) {
        return report.deadlines(HORIZON, today).stream()
                .map(NoticeDeadlineReminders::due)
                .toList();
    }

    private static final Wording WORDS = Wording.GERMAN;

    private static Due due(Deadline d) {
        return new Due(
                "NOTICE_DEADLINE",
                MembershipEvents.MEMBERSHIP,
                d.membershipId().toString(),
                "Kündigungsfrist " + d.organisationAcronym() + " (Mitglied: " + WORDS.label("Shareholder", d.holder())
                        + ")",
                d.lastNoticeDay(),
                "Letzter Tag, um die Mitgliedschaft in " + d.organisationAcronym() + " zum " + WORDS.date(d.renewal())
                        + " zu kündigen. Ohne Kündigung verlängert sie sich"
                        + (d.currentYearlyFee() == null ? "" : "; Jahresbeitrag " + WORDS.money(d.currentYearlyFee()))
                        + ".",
                List.of("coordinator", "shareholder-" + d.holder().name()));
    }
}
