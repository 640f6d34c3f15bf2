package de.kielregion.kooperation.memberships.organisation;

/** What kind of body an organisation is. */
public enum OrganisationKind {
    /** A network of cities or regions, e.g. UBC. */
    CITY_NETWORK,
    /** A political or development cooperation of regions, e.g. STRING. */
    REGIONAL_COOPERATION,
    ASSOCIATION,
    PLATFORM,
    OTHER
}
