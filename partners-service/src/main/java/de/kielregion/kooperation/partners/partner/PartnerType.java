package de.kielregion.kooperation.partners.partner;

/** What kind of organisation or territory a partner is. */
public enum PartnerType {
    CITY,
    REGION,
    DISTRICT,
    AGENCY,
    UNIVERSITY,
    CHAMBER,
    NETWORK_SECRETARIAT,
    COMPANY;

    /** Regions and districts can be the parent region of other partners (measure 4). */
    public boolean isRegional() {
        return this == REGION || this == DISTRICT;
    }
}
