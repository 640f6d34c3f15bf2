package de.kielregion.kooperation.partners;

import de.kielregion.kooperation.contracts.EventTypes;

/**
 * The events partners-service publishes to {@code cooperation.partners.v1} (CloudEvents
 * types; see asyncapi.yaml), and the aggregate types they are keyed by.
 */
public final class PartnerEvents {

    public static final String PARTNER_REGISTERED = EventTypes.PARTNER_REGISTERED;
    public static final String PARTNER_UPDATED = EventTypes.PARTNER_UPDATED;
    public static final String PARTNER_RETIRED = EventTypes.PARTNER_RETIRED;
    public static final String RELATION_CHANGED = EventTypes.RELATION_CHANGED;
    public static final String ACTIVITY_UPSERTED = EventTypes.ACTIVITY_UPSERTED;
    public static final String COOPERATION_AREA_CHANGED = EventTypes.COOPERATION_AREA_CHANGED;
    public static final String DECISION_TAKEN = EventTypes.DECISION_TAKEN;

    public static final String PARTNER = "Partner";
    public static final String RELATION = "Relation";
    public static final String ACTIVITY = "Activity";
    public static final String COOPERATION_AREA = "CooperationArea";

    private PartnerEvents() {}
}
