package de.kielregion.kooperation.projects;

/** The events projects-service publishes to {@code cooperation.projects.v1} (see asyncapi.yaml). */
public final class ProjectEvents {

    public static final String PROJECT_PROPOSED = "cooperation.project.proposed.v1";
    public static final String PROJECT_UPDATED = "cooperation.project.updated.v1";
    public static final String PROJECT_STATUS_CHANGED = "cooperation.project.status-changed.v1";
    public static final String DECISION_TAKEN = "cooperation.decision.taken.v1";
    public static final String RESOURCES_ALLOCATED = "cooperation.resources.allocated.v1";
    public static final String ALLOCATION_REJECTED = "cooperation.allocation.rejected.v1";
    public static final String RESOURCES_RELEASED = "cooperation.resources.released.v1";
    public static final String OPEN_QUESTION_RESOLVED = "cooperation.open-question.resolved.v1";

    public static final String PROJECT = "Project";
    public static final String MEASURE = "Measure";
    public static final String OPEN_QUESTION = "OpenQuestion";
    public static final String STRATEGY = "Strategy";
    public static final String GOAL = "Goal";
    public static final String THEME = "Theme";
    public static final String NEXT_STEP = "NextStep";
    public static final String BUDGET_LINE = "BudgetLine";
    public static final String ALLOCATION = "Allocation";

    private ProjectEvents() {
    }
}
