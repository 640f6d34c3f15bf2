package de.kielregion.kooperation.platform.reminders;

import java.time.LocalDate;
import java.util.List;

/** A service's deadlines for the reminders: a CDI bean implements it, {@link Reminders} asks it on every round. */
public interface ReminderSource {

    /** The deadlines from {@code today} on (earlier ones are past and not reminded of). */
    List<Due> due(LocalDate today);
}
