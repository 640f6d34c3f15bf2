package de.kielregion.kooperation.projects.strategy;

import de.kielregion.kooperation.platform.reminders.Due;
import de.kielregion.kooperation.platform.reminders.ReminderSource;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** Open next steps with a due date, for the reminders (7 days, 1 day and on the day by default), to the coordinators. */
@ApplicationScoped
class NextStepReminders implements ReminderSource {

    private final StrategyService strategy;

    NextStepReminders(StrategyService strategy) {
        this.strategy = strategy;
    }

    @Override
    public List<Due> due(LocalDate today) {
        return strategy.nextSteps(false, null, null).stream()
                .filter(n -> n.status() == NextStep.Status.OPEN
                        && n.dueDate() != null
                        && !n.dueDate().isBefore(today))
                .map(n -> new Due(
                        "NEXT_STEP_DUE",
                        ProjectEvents.NEXT_STEP,
                        n.id().toString(),
                        "Nächster Schritt: " + n.title(),
                        n.dueDate(),
                        "Verantwortlich: " + n.owner() + ". Erledigt? Dann im Portal als erledigt markieren.",
                        List.of("coordinator")))
                .toList();
    }
}
