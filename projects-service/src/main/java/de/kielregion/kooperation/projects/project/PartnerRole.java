package de.kielregion.kooperation.projects.project;

public enum PartnerRole {
    LEAD_PARTNER,
    PARTNER,
    ASSOCIATED
}
