package de.kielregion.kooperation.projects.results;

/**
 * A progress report is written (DRAFT), SUBMITTED, then ACCEPTED or RETURNED; a returned one is
 * corrected and submitted again.
 */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    ACCEPTED;

    /** Whether the project may still change it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
