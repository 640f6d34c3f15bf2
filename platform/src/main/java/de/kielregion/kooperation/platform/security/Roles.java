package de.kielregion.kooperation.platform.security;

/** The realm roles of the Keycloak realm, as named in every {@code @RolesAllowed}. */
public final class Roles {

    /** Everything, including administration. */
    public static final String ADMIN = "admin";
    /** KielRegion's team: prepares and edits. */
    public static final String COORDINATOR = "coordinator";
    /** May record decisions. */
    public static final String DECISION_MAKER = "decision-maker";
    /** A shareholder's staff or IT system: reads all, writes only its own data (claim {@code shareholder}). */
    public static final String SHAREHOLDER = "shareholder";
    /** Reads only. */
    public static final String VIEWER = "viewer";

    private Roles() {}
}
