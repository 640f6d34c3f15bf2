package de.kielregion.kooperation.partners;

/**
 * The events partners-service publishes to {@code cooperation.partners.v1} (CloudEvents
 * types; see asyncapi.yaml), and the aggregate types they are keyed by.
 */
public final class PartnerEvents {

    public static final String PARTNER_REGISTERED = "cooperation.partner.registered.v1";
    public static final String PARTNER_UPDATED = "cooperation.partner.updated.v1";
    public static final String PARTNER_RETIRED = "cooperation.partner.retired.v1";
    public static final String RELATION_CHANGED = "cooperation.relation.changed.v1";
    public static final String ACTIVITY_UPSERTED = "cooperation.activity.upserted.v1";
    public static final String COOPERATION_AREA_CHANGED = "cooperation.cooperation-area.changed.v1";
    public static final String DECISION_TAKEN = "cooperation.decision.taken.v1";

    public static final String PARTNER = "Partner";
    public static final String RELATION = "Relation";
    public static final String ACTIVITY = "Activity";
    public static final String COOPERATION_AREA = "CooperationArea";

    private PartnerEvents() {
    }
}
