package de.kielregion.kooperation.contracts;

/** The Kafka topics: each service publishes to its own and reads the others'. */
public final class Topics {

    public static final String PARTNERS = "cooperation.partners.v1";
    public static final String PROJECTS = "cooperation.projects.v1";
    public static final String MEMBERSHIPS = "cooperation.memberships.v1";

    private Topics() {}
}
