package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import java.util.List;
import java.util.Map;

/**
 * The values the pages offer and accept from forms and query strings, shared by every page that
 * names them (one list each, so that pages do not reach into each other for them).
 */
final class Options {

    /** Who decides. */
    static final List<String> BODIES = List.of("SUPERVISORY_BOARD", "ADMINISTRATIVE_HEADS", "MANAGEMENT");

    /** KielRegion's shareholders and KielRegion itself. */
    static final List<String> SHAREHOLDERS = List.of("KIEL", "RENDSBURG_ECKERNFOERDE", "PLOEN", "KIELREGION");

    /** The countries around the Baltic Sea (and Norway, on the corridor Hamburg–Oslo) to filter by a partner's. */
    static final List<String> COUNTRIES = List.of("DE", "DK", "SE", "NO", "FI", "PL", "EE", "LV", "LT");

    /** A project's lifecycle, in its order. */
    static final List<String> PROJECT_STATUSES = List.of(
            "IDEA",
            "PROPOSED",
            "APPROVED",
            "APPROVED_WITH_CONDITIONS",
            "REJECTED",
            "DEFERRED",
            "RESOURCED",
            "IN_PROGRESS",
            "COMPLETED",
            "CANCELLED");

    static final List<String> PROJECT_SORTS = List.of("quickWin", "title", "-updatedAt", "plannedStart", "status");
    static final List<String> PROJECT_OUTCOMES =
            List.of("APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "DEFERRED");
    static final List<String> FINANCING_KINDS =
            List.of("OWN_FUNDS", "SHAREHOLDER_CONTRIBUTION", "EU_PROGRAMME", "OTHER");
    static final List<String> BUDGET_CATEGORIES = List.of("STAFF", "PROJECT_FUNDS");

    private Options() {}

    /** Ids in paths must look like UUIDs before they go to a service (else: the page is not found). */
    static String uuid(String id) {
        if (id == null || !id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new ServiceProblem(404, "Not Found", null, Map.of());
        }
        return id;
    }
}
