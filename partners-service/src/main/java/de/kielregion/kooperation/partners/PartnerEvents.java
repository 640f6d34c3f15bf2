package de.kielregion.kooperation.partners;

/**
 * The aggregate types of partners-service: the key of its history entries and the aggregate type of
 * the events it publishes. The event types themselves are {@code contracts.EventTypes}.
 */
public final class PartnerEvents {

    public static final String PARTNER = "Partner";
    public static final String RELATION = "Relation";
    public static final String ACTIVITY = "Activity";
    public static final String COOPERATION_AREA = "CooperationArea";
    public static final String SHAREHOLDER_INTEREST = "ShareholderInterest";

    private PartnerEvents() {}
}
