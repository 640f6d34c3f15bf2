package de.kielregion.kooperation.projects.project;

import java.util.EnumSet;
import java.util.Set;

/**
 * IDEA → PROPOSED → APPROVED | APPROVED_WITH_CONDITIONS | REJECTED | DEFERRED (by decision) →
 * RESOURCED (resources allocated) → IN_PROGRESS → COMPLETED | CANCELLED.
 */
public enum ProjectStatus {
    IDEA,
    PROPOSED,
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    REJECTED,
    DEFERRED,
    RESOURCED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** The statuses a coordinator may set by hand from this one; decisions and allocations do the rest. */
    public Set<ProjectStatus> manualNext() {
        return switch (this) {
            case IDEA -> EnumSet.of(PROPOSED, CANCELLED);
            case PROPOSED -> EnumSet.of(IDEA, CANCELLED);
            case APPROVED, APPROVED_WITH_CONDITIONS -> EnumSet.of(CANCELLED);
            case DEFERRED -> EnumSet.of(PROPOSED, CANCELLED);
            case RESOURCED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
            case REJECTED, COMPLETED, CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean isApproved() {
        return this == APPROVED || this == APPROVED_WITH_CONDITIONS;
    }

    /** Statuses in which resources can be allocated to the project. */
    public boolean canReceiveResources() {
        return isApproved() || this == RESOURCED || this == IN_PROGRESS;
    }

    public boolean isActive() {
        return this != REJECTED && this != COMPLETED && this != CANCELLED;
    }
}
