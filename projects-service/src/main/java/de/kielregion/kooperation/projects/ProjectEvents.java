package de.kielregion.kooperation.projects;

import de.kielregion.kooperation.contracts.EventTypes;

/** The events projects-service publishes to {@code cooperation.projects.v1} (see asyncapi.yaml). */
public final class ProjectEvents {

    public static final String PROJECT_PROPOSED = EventTypes.PROJECT_PROPOSED;
    public static final String PROJECT_UPDATED = EventTypes.PROJECT_UPDATED;
    public static final String PROJECT_STATUS_CHANGED = EventTypes.PROJECT_STATUS_CHANGED;
    public static final String DECISION_TAKEN = EventTypes.DECISION_TAKEN;
    public static final String RESOURCES_ALLOCATED = EventTypes.RESOURCES_ALLOCATED;
    public static final String ALLOCATION_REJECTED = EventTypes.ALLOCATION_REJECTED;
    public static final String RESOURCES_RELEASED = EventTypes.RESOURCES_RELEASED;
    public static final String OPEN_QUESTION_RESOLVED = EventTypes.OPEN_QUESTION_RESOLVED;

    public static final String PROJECT = "Project";
    public static final String MEASURE = "Measure";
    public static final String OPEN_QUESTION = "OpenQuestion";
    public static final String STRATEGY = "Strategy";
    public static final String GOAL = "Goal";
    public static final String THEME = "Theme";
    public static final String NEXT_STEP = "NextStep";
    public static final String BUDGET_LINE = "BudgetLine";
    public static final String ALLOCATION = "Allocation";

    private ProjectEvents() {}
}
