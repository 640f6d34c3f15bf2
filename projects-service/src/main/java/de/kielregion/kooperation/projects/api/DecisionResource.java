package de.kielregion.kooperation.projects.api;

import static de.kielregion.kooperation.platform.security.Roles.ADMIN;
import static de.kielregion.kooperation.platform.security.Roles.COORDINATOR;
import static de.kielregion.kooperation.platform.security.Roles.DECISION_MAKER;
import static de.kielregion.kooperation.platform.security.Roles.SHAREHOLDER;
import static de.kielregion.kooperation.platform.security.Roles.VIEWER;

import de.kielregion.kooperation.contracts.DecisionBody;
import de.kielregion.kooperation.contracts.DecisionOutcome;
import de.kielregion.kooperation.platform.attachments.Attachments;
import de.kielregion.kooperation.platform.attachments.Attachments.AttachmentView;
import de.kielregion.kooperation.platform.openapi.ApiConventions;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Texts;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.platform.web.Idempotent;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.platform.web.Params;
import de.kielregion.kooperation.platform.web.RequestCost;
import de.kielregion.kooperation.platform.web.Responses;
import de.kielregion.kooperation.platform.xlsx.XlsxExport;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.decision.DecisionApi.PendingDeferral;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.overview.Spreadsheets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/decisions")
@Tag(
        name = "Decision register",
        description = "Every decision: on projects, measures, open questions and the "
                + "strategy (and, with the cross-service flows, those of partners and memberships)")
@Produces(MediaType.APPLICATION_JSON)
@Idempotent
public class DecisionResource {

    private final DecisionRegister decisions;

    private final Attachments attachments;

    DecisionResource(DecisionRegister decisions, Attachments attachments) {
        this.decisions = decisions;
        this.attachments = attachments;
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({DECISION_MAKER, COORDINATOR, ADMIN})
    @Operation(
            operationId = "attachToDecision",
            summary = "Attach a file to a decision of the register",
            description = "E.g. the minutes or the signed agreement; the rules of the project attachments."
                    + " Roles: decision-maker, coordinator, admin.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Extension(name = ApiConventions.CREATED, value = "true")
    public RestResponse<AttachmentView> attachToDecision(
            @PathParam("id") UUID id,
            @QueryParam("filename") @Parameter(description = "The file's name, e.g. Protokoll.pdf") String filename,
            byte[] body) {
        decisions.get(id);
        AttachmentView view = attachments.attach(ProjectEvents.DECISION, id, filename, body);
        return Responses.created("/attachments/" + view.id(), view);
    }

    @GET
    @Path("{id}/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listDecisionAttachments",
            summary = "A decision's attachments",
            description = "Oldest first, without their content. Roles: every role.")
    public List<AttachmentView> decisionAttachments(@PathParam("id") UUID id) {
        decisions.get(id);
        return attachments.of(ProjectEvents.DECISION, id);
    }

    @GET
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listDecisions",
            summary = "The decision register",
            description = "Newest first; filter by subjectType (Project, "
                    + "Measure, OpenQuestion, Strategy), subjectId (one subject's decisions), body, service, outcome (e.g. DEFERRED), and date range from/to (ISO dates); sort by decidedOn, "
                    + "recordedAt, subjectName, revisitOn. Roles: every role.")
    public Page<DecisionView> register(
            @QueryParam("subjectType") String subjectType,
            @QueryParam("subjectId") java.util.UUID subjectId,
            @QueryParam("body") String body,
            @QueryParam("service") String service,
            @QueryParam("outcome") String outcome,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Valid @BeanParam PageQuery paging) {
        DecisionBody parsedBody = Params.enumOf(DecisionBody.class, body, "body");
        DecisionOutcome parsedOutcome = Params.enumOf(DecisionOutcome.class, outcome, "outcome");
        return decisions.register(
                Texts.trimToNull(subjectType),
                subjectId,
                parsedBody == null ? null : parsedBody.name(),
                Texts.trimToNull(service),
                parsedOutcome == null ? null : parsedOutcome.name(),
                date(from, "from"),
                date(to, "to"),
                paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "getDecision",
            summary = "One decision of the register",
            description = "Roles: every role.")
    public DecisionView get(@PathParam("id") UUID id) {
        return decisions.get(id);
    }

    @GET
    @Path("/export/xlsx")
    @RequestCost(RequestCost.EXPORT)
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "exportDecisionsXlsx",
            summary = "The decision register as a spreadsheet (XLSX)",
            description = "Every decision matching the register's filters, newest first, with date cells; no cell is"
                    + " a formula. Roles: every role.")
    @APIResponse(
            responseCode = "200",
            description = "The decisions as an Excel workbook",
            content =
                    @Content(
                            mediaType = XlsxExport.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(
            @QueryParam("subjectType") String subjectType,
            @QueryParam("body") String body,
            @QueryParam("service") String service,
            @QueryParam("outcome") String outcome,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        DecisionBody parsedBody = Params.enumOf(DecisionBody.class, body, "body");
        DecisionOutcome parsedOutcome = Params.enumOf(DecisionOutcome.class, outcome, "outcome");
        return XlsxExport.attachment(
                Spreadsheets.decisions(decisions.registerAll(
                        Texts.trimToNull(subjectType),
                        parsedBody == null ? null : parsedBody.name(),
                        Texts.trimToNull(service),
                        parsedOutcome == null ? null : parsedOutcome.name(),
                        date(from, "from"),
                        date(to, "to"))),
                "beschluesse.xlsx");
    }

    @GET
    @Path("/deferred")
    @RolesAllowed({VIEWER, COORDINATOR, ADMIN, DECISION_MAKER, SHAREHOLDER})
    @Operation(
            operationId = "listPendingDeferrals",
            summary = "Postponed decisions still waiting",
            description = "Decisions of every service with outcome DEFERRED whose subject has not been decided on"
                    + " again (same kind) since, soonest revisit date first; due once that day has come."
                    + " Roles: every role.")
    public List<PendingDeferral> deferred() {
        return decisions.pendingDeferrals(LocalDate.now(Wording.ZONE));
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.refusal("decision.date-not-iso")
                    .with("value", value)
                    .invalid(name);
        }
    }
}
