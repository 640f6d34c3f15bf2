package de.kielregion.kooperation.contracts;

/**
 * Every CloudEvents {@code type} the services publish, in one place: a producer and its
 * consumers name a type by these constants, never by a literal. A breaking change of a payload
 * gets a new type ending in {@code .v2} (see the module's README).
 */
public final class EventTypes {

    // partners-service, topic cooperation.partners.v1
    public static final String PARTNER_REGISTERED = "cooperation.partner.registered.v1";
    public static final String PARTNER_UPDATED = "cooperation.partner.updated.v1";
    public static final String PARTNER_RETIRED = "cooperation.partner.retired.v1";
    public static final String RELATION_CHANGED = "cooperation.relation.changed.v1";
    public static final String ACTIVITY_UPSERTED = "cooperation.activity.upserted.v1";
    public static final String DEADLINE_APPROACHING = "cooperation.deadline.approaching.v1";
    public static final String SHAREHOLDER_INTERESTS_CHANGED = "cooperation.shareholder-interests.changed.v1";
    public static final String COOPERATION_AREA_CHANGED = "cooperation.cooperation-area.changed.v1";

    // projects-service, topic cooperation.projects.v1
    public static final String PROJECT_PROPOSED = "cooperation.project.proposed.v1";
    public static final String PROJECT_UPDATED = "cooperation.project.updated.v1";
    public static final String PROJECT_STATUS_CHANGED = "cooperation.project.status-changed.v1";
    public static final String RESOURCES_ALLOCATED = "cooperation.resources.allocated.v1";
    public static final String ALLOCATION_REJECTED = "cooperation.allocation.rejected.v1";
    public static final String RESOURCES_RELEASED = "cooperation.resources.released.v1";
    public static final String OPEN_QUESTION_RESOLVED = "cooperation.open-question.resolved.v1";
    public static final String PROGRESS_REPORTED = "cooperation.progress.reported.v1";
    public static final String PROGRESS_REPORT_RETURNED = "cooperation.progress-report.returned.v1";
    public static final String PROGRESS_REPORT_ACCEPTED = "cooperation.progress-report.accepted.v1";
    public static final String MILESTONE_REACHED = "cooperation.milestone.reached.v1";
    public static final String MILESTONE_MISSED = "cooperation.milestone.missed.v1";
    public static final String EXPENDITURE_RECORDED = "cooperation.expenditure.recorded.v1";
    public static final String STRATEGY_ADOPTED = "cooperation.strategy.adopted.v1";
    public static final String BOARD_MEETING_CHANGED = "cooperation.board-meeting.changed.v1";

    // memberships-service, topic cooperation.memberships.v1
    public static final String ORGANISATION_REGISTERED = "cooperation.organisation.registered.v1";
    public static final String ORGANISATION_UPDATED = "cooperation.organisation.updated.v1";
    public static final String MEMBERSHIP_PROPOSED = "cooperation.membership.proposed.v1";
    public static final String MEMBERSHIP_UPDATED = "cooperation.membership.updated.v1";
    public static final String MEMBERSHIP_STATUS_CHANGED = "cooperation.membership.status-changed.v1";
    public static final String MEMBERSHIP_FEE_CHANGED = "cooperation.membership.fee-changed.v1";
    public static final String RESOURCES_REQUESTED = "cooperation.resources.requested.v1";
    public static final String MEMBERSHIP_FEE_PAID = "cooperation.membership-fee.paid.v1";

    /** Published by all three services ({@link DecisionTaken}), on each one's own topic. */
    public static final String DECISION_TAKEN = "cooperation.decision.taken.v1";

    private EventTypes() {}
}
