package de.kielregion.kooperation.partners.relation;

/** What ties a shareholder to a partner. FOCUS_PARTNER is set only by a recorded decision. */
public enum RelationKind {
    TWIN_CITY,
    FOCUS_PARTNER,
    PROJECT_PARTNER,
    NETWORK_CONTACT,
    OTHER
}
