package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import de.kielregion.kooperation.portal.clients.projects.model.BudgetCategory;
import de.kielregion.kooperation.portal.clients.projects.model.DecisionBody;
import de.kielregion.kooperation.portal.clients.projects.model.FinancingKind;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectOutcome;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectStatus;
import de.kielregion.kooperation.portal.clients.projects.model.Shareholder;
import java.util.List;
import java.util.Map;

/**
 * The values the pages offer and accept from forms and query strings, shared by every page that
 * names them (one list each, so that pages do not reach into each other for them).
 */
final class Options {

    /** Who decides (the generated models' enum). */
    static final List<String> BODIES = of(DecisionBody.class);

    /** KielRegion's shareholders and KielRegion itself. */
    static final List<String> SHAREHOLDERS = of(Shareholder.class);

    /** The countries around the Baltic Sea (and Norway, on the corridor Hamburg–Oslo) to filter by a partner's. */
    static final List<String> COUNTRIES = List.of("DE", "DK", "SE", "NO", "FI", "PL", "EE", "LV", "LT");

    /** A project's lifecycle, in its order. */
    static final List<String> PROJECT_STATUSES = of(ProjectStatus.class);

    /** The orders the project list offers (the service's sort keys). */
    static final List<String> PROJECT_SORTS = List.of("quickWin", "title", "-updatedAt", "plannedStart", "status");

    static final List<String> PROJECT_OUTCOMES = of(ProjectOutcome.class);
    static final List<String> FINANCING_KINDS = of(FinancingKind.class);

    /** What a project is given: staff and project funds (membership fees are booked by memberships-service). */
    static final List<String> BUDGET_CATEGORIES = of(BudgetCategory.class).stream()
            .filter(c -> !BudgetCategory.MEMBERSHIP_FEES.toString().equals(c))
            .toList();

    private Options() {}

    /** The values of an enum of the generated models, as the services name them (for selects and filters). */
    static <E extends Enum<E>> List<String> of(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(Object::toString)
                .toList();
    }

    /** The refusal of a page that does not exist (an id or a value in the path that names nothing). */
    static ServiceProblem notFound() {
        return new ServiceProblem(404, "Not Found", null, Map.of());
    }

    /** Ids in paths must look like UUIDs before they go to a service (else: the page is not found). */
    static String uuid(String id) {
        if (id == null || !id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw notFound();
        }
        return id;
    }

    /** The id of a path as the generated clients take it (404 for anything else). */
    static java.util.UUID id(String id) {
        return java.util.UUID.fromString(uuid(id));
    }
}
