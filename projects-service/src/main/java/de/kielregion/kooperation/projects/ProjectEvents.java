package de.kielregion.kooperation.projects;

/**
 * The aggregate types of projects-service: the key of its history entries and the aggregate type of
 * the events it publishes. The event types themselves are {@code contracts.EventTypes}.
 */
public final class ProjectEvents {

    public static final String PROJECT = "Project";
    public static final String MEASURE = "Measure";
    public static final String OPEN_QUESTION = "OpenQuestion";
    public static final String STRATEGY = "Strategy";
    public static final String GOAL = "Goal";
    public static final String THEME = "Theme";
    public static final String NEXT_STEP = "NextStep";
    public static final String BUDGET_LINE = "BudgetLine";
    public static final String ALLOCATION = "Allocation";
    public static final String DECISION = "Decision";
    public static final String INDICATOR = "Indicator";
    public static final String WORK_PACKAGE = "WorkPackage";
    public static final String MILESTONE = "Milestone";
    public static final String REPORTING_PERIOD = "ReportingPeriod";
    public static final String PROGRESS_REPORT = "ProgressReport";
    public static final String BOARD_MEETING = "BoardMeeting";

    private ProjectEvents() {}
}
