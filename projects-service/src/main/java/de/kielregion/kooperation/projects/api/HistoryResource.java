package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.platform.audit.Audit;
import de.kielregion.kooperation.platform.audit.Audit.HistoryEntry;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/history")
@Tag(name = "History", description = "Who changed what, when, for every aggregate of projects-service")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private static final Set<String> TYPES = Set.of(
            ProjectEvents.PROJECT,
            ProjectEvents.GOAL,
            ProjectEvents.THEME,
            ProjectEvents.MEASURE,
            ProjectEvents.OPEN_QUESTION,
            ProjectEvents.NEXT_STEP,
            ProjectEvents.BUDGET_LINE,
            ProjectEvents.ALLOCATION,
            ProjectEvents.BOARD_MEETING,
            "TeamMember",
            ProjectEvents.STRATEGY,
            ProjectEvents.INDICATOR,
            ProjectEvents.MILESTONE,
            ProjectEvents.WORK_PACKAGE,
            ProjectEvents.PROGRESS_REPORT);

    private final Audit audit;

    HistoryResource(Audit audit) {
        this.audit = audit;
    }

    @GET
    @Path("{type}/{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getHistory",
            summary = "The change history of one aggregate",
            description = "type: Project, Goal, Theme, Measure, "
                    + "OpenQuestion, NextStep, BudgetLine, Allocation, Strategy, Indicator, Milestone, WorkPackage (its deliverables), BoardMeeting (its agenda, invitations, minutes), TeamMember (capacity and assignments) or ProgressReport"
                    + " (each submission of a report with its text and values); oldest first. Roles: every role.")
    public List<HistoryEntry> history(@PathParam("type") String type, @PathParam("id") UUID id) {
        if (!TYPES.contains(type)) {
            throw ProblemException.notFound(
                    "History type",
                    "'" + type + "' (known: " + String.join(", ", new java.util.TreeSet<>(TYPES)) + ")");
        }
        List<HistoryEntry> history = audit.history(type, id);
        if (history.isEmpty()) {
            throw ProblemException.notFound(type, id);
        }
        return history;
    }
}
