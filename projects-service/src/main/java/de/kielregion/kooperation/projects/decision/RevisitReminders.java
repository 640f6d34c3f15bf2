package de.kielregion.kooperation.projects.decision;

import de.kielregion.kooperation.platform.reminders.Due;
import de.kielregion.kooperation.platform.reminders.ReminderSource;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Postponed decisions of every service that wait for their revisit day, for the reminders (14
 * days, 1 day and on the day by default), to the decision-makers and the coordinators.
 */
@ApplicationScoped
class RevisitReminders implements ReminderSource {

    private final DecisionRegister decisions;

    RevisitReminders(DecisionRegister decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<Due> due(LocalDate today) {
        return decisions.pendingDeferrals(today).stream()
                .map(DecisionApi.PendingDeferral::decision)
                .filter(d -> d.revisitOn() != null && !d.revisitOn().isBefore(today))
                .map(RevisitReminders::due)
                .toList();
    }

    private static Due due(DecisionView d) {
        return new Due(
                "DECISION_REVISIT",
                "Decision",
                d.id().toString(),
                "Wiedervorlage: " + d.subjectName(),
                d.revisitOn(),
                "Vertagt am " + Wording.GERMAN.date(d.decidedOn()) + " (" + Wording.GERMAN.label("Body", d.body())
                        + ", "
                        + Wording.GERMAN.label("DecisionKind", d.kind()) + ")"
                        + (d.minutesReference() == null ? "" : ", Protokoll " + d.minutesReference())
                        + ". Das Gremium wollte die Sache an diesem Tag wieder aufrufen.",
                List.of("decision-maker", "coordinator"));
    }
}
