package de.kielregion.kooperation.memberships;

/** The events memberships-service publishes to {@code cooperation.memberships.v1} (see asyncapi.yaml). */
public final class MembershipEvents {

    public static final String ORGANISATION_REGISTERED = "cooperation.organisation.registered.v1";
    public static final String ORGANISATION_UPDATED = "cooperation.organisation.updated.v1";
    public static final String MEMBERSHIP_PROPOSED = "cooperation.membership.proposed.v1";
    public static final String MEMBERSHIP_UPDATED = "cooperation.membership.updated.v1";
    public static final String MEMBERSHIP_STATUS_CHANGED = "cooperation.membership.status-changed.v1";
    public static final String DECISION_TAKEN = "cooperation.decision.taken.v1";
    public static final String RESOURCES_REQUESTED = "cooperation.resources.requested.v1";
    public static final String FEE_CHANGED = "cooperation.membership.fee-changed.v1";

    public static final String ORGANISATION = "Organisation";
    public static final String MEMBERSHIP = "Membership";

    private MembershipEvents() {
    }
}
