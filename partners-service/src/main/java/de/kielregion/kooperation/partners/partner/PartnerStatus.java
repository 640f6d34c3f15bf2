package de.kielregion.kooperation.partners.partner;

/** A partner is retired, never deleted, because projects and relations reference it. */
public enum PartnerStatus {
    ACTIVE,
    RETIRED
}
