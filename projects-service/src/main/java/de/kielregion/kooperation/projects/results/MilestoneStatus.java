package de.kielregion.kooperation.projects.results;

/** A milestone is planned until it is reached, or recorded as missed once its day has passed. */
public enum MilestoneStatus {
    PLANNED,
    REACHED,
    MISSED
}
