package de.kielregion.kooperation.partners.relation;

public enum RelationStatus {
    PROSPECT,
    ACTIVE,
    DORMANT,
    ENDED
}
