package de.kielregion.kooperation.memberships;

/**
 * The aggregate types of memberships-service: the key of its history entries and the aggregate type of
 * the events it publishes. The event types themselves are {@code contracts.EventTypes}.
 */
public final class MembershipEvents {

    public static final String ORGANISATION = "Organisation";
    public static final String MEMBERSHIP = "Membership";

    private MembershipEvents() {}
}
