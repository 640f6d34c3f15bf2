package de.kielregion.kooperation.partners.activity;

/** What kind of existing international activity a shareholder reports. */
public enum ActivityKind {
    PROJECT,
    PARTNERSHIP,
    EXCHANGE,
    EVENT,
    NETWORK_MEMBERSHIP,
    VISIT,
    OTHER
}
