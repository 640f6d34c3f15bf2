package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.platform.reminders.Due;
import de.kielregion.kooperation.platform.reminders.ReminderSource;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * Milestones and progress reports coming due, for the reminders (mail) to the coordinators and
 * the participating shareholders' staff: a planned milestone (MILESTONE_DUE, 7 days, 1 day and
 * on the day) and the report of a period not yet submitted (REPORT_DUE, 14 days, 3 days and on
 * the day).
 */
@ApplicationScoped
class ResultsReminders implements ReminderSource {

    private static final Wording WORDS = Wording.GERMAN;

    private final ResultsViews views;

    ResultsReminders(ResultsViews views) {
        this.views = views;
    }

    @Override
    @Transactional
    public List<Due> due(LocalDate today) {
        List<Due> due = new java.util.ArrayList<>();
        for (ResultsViews.Deadline d : views.deadlines(today, today.plusDays(14))) {
            if (d.milestone()) {
                due.add(new Due(
                        "MILESTONE_DUE",
                        ProjectEvents.MILESTONE,
                        d.id().toString(),
                        "Meilenstein: " + d.title() + " (" + d.projectTitle() + ")",
                        d.dueOn(),
                        "Erreicht? Dann im Portal unter „Arbeitsplan und Berichte“ des Projekts als erreicht markieren.",
                        d.audience()));
            } else {
                due.add(new Due(
                        "REPORT_DUE",
                        ProjectEvents.REPORTING_PERIOD,
                        d.id().toString(),
                        "Fortschrittsbericht: " + d.projectTitle() + ", " + d.title(),
                        d.dueOn(),
                        "Der Bericht für den Berichtszeitraum ist am " + WORDS.date(d.dueOn())
                                + " fällig; er wird im Portal unter „Arbeitsplan und Berichte“ geschrieben und eingereicht.",
                        d.audience()));
            }
        }
        return due;
    }
}
