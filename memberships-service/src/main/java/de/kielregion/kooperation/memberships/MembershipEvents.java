package de.kielregion.kooperation.memberships;

import de.kielregion.kooperation.contracts.EventTypes;

/** The events memberships-service publishes to {@code cooperation.memberships.v1} (see asyncapi.yaml). */
public final class MembershipEvents {

    public static final String ORGANISATION_REGISTERED = EventTypes.ORGANISATION_REGISTERED;
    public static final String ORGANISATION_UPDATED = EventTypes.ORGANISATION_UPDATED;
    public static final String MEMBERSHIP_PROPOSED = EventTypes.MEMBERSHIP_PROPOSED;
    public static final String MEMBERSHIP_UPDATED = EventTypes.MEMBERSHIP_UPDATED;
    public static final String MEMBERSHIP_STATUS_CHANGED = EventTypes.MEMBERSHIP_STATUS_CHANGED;
    public static final String DECISION_TAKEN = EventTypes.DECISION_TAKEN;
    public static final String RESOURCES_REQUESTED = EventTypes.RESOURCES_REQUESTED;
    public static final String FEE_CHANGED = EventTypes.MEMBERSHIP_FEE_CHANGED;

    public static final String ORGANISATION = "Organisation";
    public static final String MEMBERSHIP = "Membership";

    private MembershipEvents() {}
}
