package de.kielregion.kooperation.partners.partner;

/**
 * How urban a partner's territory is, in the three classes of the EU's degree of urbanisation
 * (DEGURBA, Eurostat): densely populated cities, towns and suburbs, rural areas. Measure 4 of the
 * workshop widens the city cooperation Kiel–Aarhus–Göteborg to the rural regions around them; this
 * is what tells how far it reaches.
 */
public enum Urbanisation {
    /** DEGURBA 1: cities (densely populated areas), e.g. Kiel, Aarhus, Göteborg. */
    CITY,
    /** DEGURBA 2: towns and suburbs (intermediate density). */
    TOWN,
    /** DEGURBA 3: rural areas (thinly populated), e.g. Kreis Plön. */
    RURAL
}
