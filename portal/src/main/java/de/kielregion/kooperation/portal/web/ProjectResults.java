package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.ProjectsApi;
import de.kielregion.kooperation.portal.clients.projects.ResultsApi;
import de.kielregion.kooperation.portal.clients.projects.StrategyApi;
import de.kielregion.kooperation.portal.clients.projects.model.ExpenditureRequest;
import de.kielregion.kooperation.portal.clients.projects.model.GoalLinks;
import de.kielregion.kooperation.portal.clients.projects.model.IndicatorKind;
import de.kielregion.kooperation.portal.clients.projects.model.IndicatorRequest;
import de.kielregion.kooperation.portal.clients.projects.model.IndicatorUnit;
import de.kielregion.kooperation.portal.clients.projects.model.IndicatorView;
import de.kielregion.kooperation.portal.clients.projects.model.MilestoneRequest;
import de.kielregion.kooperation.portal.clients.projects.model.MilestoneSettlement;
import de.kielregion.kooperation.portal.clients.projects.model.MilestoneStatus;
import de.kielregion.kooperation.portal.clients.projects.model.PeriodRequest;
import de.kielregion.kooperation.portal.clients.projects.model.PeriodView;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectResultsView;
import de.kielregion.kooperation.portal.clients.projects.model.ProjectView;
import de.kielregion.kooperation.portal.clients.projects.model.ReportRequest;
import de.kielregion.kooperation.portal.clients.projects.model.ReportReview;
import de.kielregion.kooperation.portal.clients.projects.model.ReportSubmission;
import de.kielregion.kooperation.portal.clients.projects.model.ValueRequest;
import de.kielregion.kooperation.portal.clients.projects.model.WorkPackageRequest;
import de.kielregion.kooperation.portal.clients.projects.model.YearTarget;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A project's way to its results (Arbeitsplan und Berichte): the goals it serves, its work
 * packages and milestones, its indicators, its reporting periods with their progress reports, and
 * what it spent against its allocations. Coordinators plan and review; the staff of a
 * participating shareholder write and submit reports, record milestones and expenditure; every
 * role reads.
 */
@Path("/projects")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProjectResults extends PageSupport {

    @Inject
    @RestClient
    ResultsApi results;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @RestClient
    StrategyApi strategy;

    @Inject
    @Location("projects/results.html")
    Template page;

    @GET
    @Path("{id}/results")
    public TemplateInstance show(@PathParam("id") String id) {
        UUID projectId = Options.id(id);
        ProjectView project = projects.getProject(projectId);
        ProjectResultsView r = results.getProjectResults(projectId);
        Map<String, String> goalTitles = new HashMap<>();
        Section<?> goals = Section.of("projects", () -> {
            strategy.listGoals().forEach(g -> goalTitles.put(g.getId().toString(), g.getTitle()));
            return goalTitles;
        });
        return page(page)
                .data("p", project)
                .data("r", r)
                .data("goals", goals)
                .data("goalTitles", goalTitles)
                .data("may", mayReport(project))
                .data("today", LocalDate.now(Ui.ZONE).toString())
                .data("problem", null);
    }

    /** A deliverable of a work package: a file (multipart) passed on to the attachment store. */
    @POST
    @Path("{id}/results/work-packages/{wp}/deliverables")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addDeliverable(
            @PathParam("id") String id,
            @PathParam("wp") String wp,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        UUID projectId = Options.id(id);
        UUID workPackage = Options.id(wp);
        return upload(
                file,
                (name, content) -> results.addDeliverable(workPackage, content, name, null),
                resultsPage(projectId) + "#plan",
                problem -> show(id).data("problem", problem)
                        .data("otherViolations", problem.otherViolations(java.util.Set.of())));
    }

    /** Coordinators and admins, and the staff of a shareholder taking part in the project. */
    private boolean mayReport(ProjectView project) {
        return ui.canEdit()
                || (ui.shareholder() != null
                        && project.getShareholders() != null
                        && project.getShareholders().stream()
                                .anyMatch(h -> h.toString().equals(ui.shareholder())));
    }

    private String resultsPage(UUID projectId) {
        return "/projects/" + projectId + "/results";
    }

    private FormPage.Option option(UUID id, String label) {
        return new FormPage.Option(id.toString(), label);
    }

    /** The progress report of a period as PDF (German, for the files). */
    @GET
    @Path("{id}/results/periods/{period}/report.pdf")
    @Produces("application/pdf")
    public Response reportPdf(@PathParam("id") String id, @PathParam("period") String period) {
        PeriodView p = period(results.getProjectResults(Options.id(id)), period);
        return file(
                results.getReportPdf(p.getId()), "application/pdf", "fortschrittsbericht-" + p.getNumber() + ".pdf");
    }

    // Goals the project serves

    @GET
    @Path("{id}/results/goals")
    public TemplateInstance goalsForm(@PathParam("id") String id) {
        allowed(ui.canEdit());
        UUID projectId = Options.id(id);
        ProjectResultsView r = results.getProjectResults(projectId);
        return form(
                goalsForm(r),
                Map.of("goalIds", r.getGoalIds().stream().map(UUID::toString).toList()));
    }

    @POST
    @Path("{id}/results/goals")
    public Response setGoals(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        ProjectResultsView r = results.getProjectResults(projectId);
        return post(form, goalsForm(r), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            results.setProjectGoals(projectId, f.done(new GoalLinks().goalIds(f.uuids("goalIds"))));
            return resultsPage(projectId);
        });
    }

    private FormPage goalsForm(ProjectResultsView r) {
        return MeasureGoals.goalChecks(
                        FormPage.of(ui.t("results.goals.set"), resultsPage(r.getProjectId()) + "/goals", "projects")
                                .back(resultsPage(r.getProjectId()), r.getTitle()),
                        ui,
                        strategy)
                .submit(ui.t("form.save"), "goals-save");
    }

    // Work packages and milestones

    @GET
    @Path("{id}/results/work-packages/new")
    public TemplateInstance workPackageForm(@PathParam("id") String id) {
        allowed(ui.canEdit());
        return form(workPackageForm(results.getProjectResults(Options.id(id))), Map.of());
    }

    @POST
    @Path("{id}/results/work-packages/new")
    public Response addWorkPackage(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        return post(form, workPackageForm(results.getProjectResults(projectId)), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            results.addWorkPackage(projectId, f.done(new WorkPackageRequest().title(f.text("title"))), null);
            return resultsPage(projectId) + "#plan";
        });
    }

    private FormPage workPackageForm(ProjectResultsView r) {
        return FormPage.of(
                        ui.t("results.workPackage.new"),
                        resultsPage(r.getProjectId()) + "/work-packages/new",
                        "projects")
                .back(resultsPage(r.getProjectId()), r.getTitle())
                .text("title", ui.t("results.workPackage.title"), true, 200)
                .submit(ui.t("form.save"), "work-package-save");
    }

    @GET
    @Path("{id}/results/milestones/new")
    public TemplateInstance milestoneForm(@PathParam("id") String id) {
        allowed(ui.canEdit());
        UUID projectId = Options.id(id);
        return form(milestoneForm(results.getProjectResults(projectId), projects.getProject(projectId)), Map.of());
    }

    @POST
    @Path("{id}/results/milestones/new")
    public Response planMilestone(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        FormPage spec = milestoneForm(results.getProjectResults(projectId), projects.getProject(projectId));
        return post(form, spec, () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            results.planMilestone(
                    projectId,
                    f.done(new MilestoneRequest()
                            .workPackageId(f.uuid("workPackageId"))
                            .title(f.text("title"))
                            .dueOn(f.date("dueOn"))
                            .responsiblePartnerId(f.uuid("responsiblePartnerId"))),
                    null);
            return resultsPage(projectId) + "#plan";
        });
    }

    private FormPage milestoneForm(ProjectResultsView r, ProjectView project) {
        return FormPage.of(ui.t("results.milestone.new"), resultsPage(r.getProjectId()) + "/milestones/new", "projects")
                .back(resultsPage(r.getProjectId()), r.getTitle())
                .select(
                        "workPackageId",
                        ui.t("results.workPackage"),
                        true,
                        r.getWorkPackages().stream()
                                .map(w -> option(w.getId(), w.getNumber() + ". " + w.getTitle()))
                                .toList())
                .text("title", ui.t("results.milestone.title"), true, 200)
                .date(
                        "dueOn",
                        ui.t("results.milestone.dueOn"),
                        true,
                        r.getPlannedEnd() == null ? null : ui.t("results.milestone.until", ui.date(r.getPlannedEnd())))
                .select(
                        "responsiblePartnerId",
                        ui.t("results.milestone.partner"),
                        false,
                        project.getPartners().stream()
                                .map(pp -> option(pp.getPartnerId(), pp.getName()))
                                .toList())
                .submit(ui.t("form.save"), "milestone-save");
    }

    @POST
    @Path("{id}/results/milestones/{milestone}/{status:reached|missed}")
    public Response settleMilestone(
            @PathParam("id") String id,
            @PathParam("milestone") String milestone,
            @PathParam("status") String status,
            MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        return act(() -> {
            Long version = Forms.read(form, ui::t).version();
            results.settleMilestone(
                    Options.id(milestone),
                    new MilestoneSettlement()
                            .status("reached".equals(status) ? MilestoneStatus.REACHED : MilestoneStatus.MISSED)
                            .version(version),
                    Forms.ifMatch(version),
                    null);
            return resultsPage(projectId) + "#plan";
        });
    }

    // Indicators

    @GET
    @Path("{id}/results/indicators/new")
    public TemplateInstance indicatorForm(@PathParam("id") String id) {
        allowed(ui.canEdit());
        return form(
                indicatorForm(results.getProjectResults(Options.id(id))),
                Map.of("targetYear", String.valueOf(LocalDate.now(Ui.ZONE).getYear()), "baseline", "0"));
    }

    @POST
    @Path("{id}/results/indicators/new")
    public Response defineIndicator(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        return post(form, indicatorForm(results.getProjectResults(projectId)), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            results.defineProjectIndicator(projectId, f.done(indicatorRequest(f)), null);
            return resultsPage(projectId) + "#indicators";
        });
    }

    /** The fields an indicator form has, for a goal's (ResultsPage) and a project's. */
    static IndicatorRequest indicatorRequest(Forms.Reader f) {
        IndicatorRequest request = new IndicatorRequest()
                .kind(f.choice("kind", IndicatorKind::fromValue))
                .name(f.text("name"))
                .unit(f.choice("unit", IndicatorUnit::fromValue))
                .baseline(f.text("baseline") == null ? null : f.decimal("baseline"))
                .contributesTo(f.uuid("contributesTo"));
        Integer year = f.text("targetYear") == null ? null : f.integer("targetYear");
        BigDecimal target = f.text("target") == null ? null : f.decimal("target");
        if (year != null || target != null) {
            request.targets(List.of(new YearTarget().year(year).target(target)));
        }
        return request;
    }

    /** The indicator form; {@code contributions} are the goals' indicators a project's may count towards (empty for a goal's). */
    static FormPage indicatorFields(FormPage form, Ui ui, List<FormPage.Option> contributions) {
        form.select(
                        "kind",
                        ui.t("results.indicator.kind"),
                        true,
                        Options.of(IndicatorKind.class).stream()
                                .map(k -> new FormPage.Option(k, ui.e("IndicatorKind", k)))
                                .toList())
                .text("name", ui.t("results.indicator.name"), true, 200)
                .select(
                        "unit",
                        ui.t("results.indicator.unit"),
                        true,
                        Options.of(IndicatorUnit.class).stream()
                                .map(u -> new FormPage.Option(u, ui.e("IndicatorUnit", u)))
                                .toList())
                .decimal("baseline", ui.t("results.indicator.baseline"), false, ui.t("results.indicator.baseline.hint"))
                .number("targetYear", ui.t("results.indicator.targetYear"), false, null)
                .decimal("target", ui.t("results.indicator.target"), false, ui.t("results.indicator.target.hint"));
        if (!contributions.isEmpty()) {
            form.select("contributesTo", ui.t("results.indicator.contributesTo"), false, contributions);
        }
        return form;
    }

    private FormPage indicatorForm(ProjectResultsView r) {
        List<FormPage.Option> goalIndicators = new ArrayList<>();
        var dashboard = Section.of("projects", () -> results.getResults(null));
        if (dashboard.ok()) {
            dashboard.data().getGoals().stream()
                    .filter(g -> r.getGoalIds().contains(g.getId()))
                    .forEach(g -> g.getIndicators()
                            .forEach(i -> goalIndicators.add(option(
                                    i.getId(),
                                    g.getTitle() + ": " + i.getName() + " (" + ui.e("IndicatorUnit", i.getUnit())
                                            + ")"))));
        }
        FormPage form = FormPage.of(
                        ui.t("results.indicator.new"), resultsPage(r.getProjectId()) + "/indicators/new", "projects")
                .back(resultsPage(r.getProjectId()), r.getTitle());
        return indicatorFields(form, ui, goalIndicators).submit(ui.t("form.save"), "indicator-save");
    }

    // Reporting periods and reports

    @GET
    @Path("{id}/results/periods/new")
    public TemplateInstance periodForm(@PathParam("id") String id) {
        allowed(ui.canEdit());
        return form(periodForm(results.getProjectResults(Options.id(id))), Map.of());
    }

    @POST
    @Path("{id}/results/periods/new")
    public Response openPeriod(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        return post(form, periodForm(results.getProjectResults(projectId)), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            results.openReportingPeriod(
                    projectId,
                    f.done(new PeriodRequest()
                            .startsOn(f.date("startsOn"))
                            .endsOn(f.date("endsOn"))
                            .reportDueOn(f.date("reportDueOn"))),
                    null);
            return resultsPage(projectId) + "#reports";
        });
    }

    private FormPage periodForm(ProjectResultsView r) {
        return FormPage.of(ui.t("results.period.new"), resultsPage(r.getProjectId()) + "/periods/new", "projects")
                .back(resultsPage(r.getProjectId()), r.getTitle())
                .date("startsOn", ui.t("results.period.startsOn"), true, null)
                .date("endsOn", ui.t("results.period.endsOn"), true, null)
                .date("reportDueOn", ui.t("results.period.reportDueOn"), false, ui.t("results.period.reportDueOn.hint"))
                .submit(ui.t("form.save"), "period-save");
    }

    @GET
    @Path("{id}/results/periods/{period}/report")
    public TemplateInstance reportForm(@PathParam("id") String id, @PathParam("period") String period) {
        ProjectResultsView r = results.getProjectResults(Options.id(id));
        PeriodView p = period(r, period);
        allowed(mayReport(projects.getProject(r.getProjectId())));
        Map<String, Object> values = new HashMap<>();
        if (p.getReport() != null) {
            values.put("narrative", p.getReport().getNarrative());
            p.getReport()
                    .getValues()
                    .forEach(v -> values.put(
                            "value-" + v.getIndicatorId(), v.getValue().toPlainString()));
        }
        return form(reportForm(r, p), values);
    }

    @POST
    @Path("{id}/results/periods/{period}/report")
    public Response writeReport(
            @PathParam("id") String id, @PathParam("period") String period, MultivaluedMap<String, String> form) {
        ProjectResultsView r = results.getProjectResults(Options.id(id));
        PeriodView p = period(r, period);
        return post(form, reportForm(r, p), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            List<ValueRequest> values = new ArrayList<>();
            for (IndicatorView i : r.getIndicators()) {
                String field = "value-" + i.getId();
                if (f.text(field) != null) {
                    values.add(new ValueRequest().indicatorId(i.getId()).value(f.decimal(field)));
                }
            }
            Long version = f.version();
            results.writeReport(
                    p.getId(),
                    f.done(new ReportRequest()
                            .narrative(f.text("narrative"))
                            .values(values)
                            .version(version)),
                    Forms.ifMatch(version));
            return resultsPage(r.getProjectId()) + "#reports";
        });
    }

    private FormPage reportForm(ProjectResultsView r, PeriodView p) {
        FormPage form = FormPage.of(
                        ui.t("results.report.write", p.getNumber(), ui.date(p.getStartsOn()), ui.date(p.getEndsOn())),
                        resultsPage(r.getProjectId()) + "/periods/" + p.getId() + "/report",
                        "projects")
                .back(resultsPage(r.getProjectId()), r.getTitle())
                .version(p.getReport() == null ? null : p.getReport().getVersion())
                .area("narrative", ui.t("results.report.narrative"), 20000)
                .hint(ui.t("results.report.narrative.hint"));
        if (p.getReport() != null && p.getReport().getComment() != null) {
            form.intro(ui.t("results.report.returnedBecause", p.getReport().getComment()));
        }
        for (IndicatorView i : r.getIndicators()) {
            form.decimal(
                    "value-" + i.getId(),
                    i.getName() + " (" + ui.e("IndicatorUnit", i.getUnit()) + ")",
                    false,
                    ui.t("results.report.value.hint"));
        }
        return form.submit(ui.t("form.save"), "report-save");
    }

    private static PeriodView period(ProjectResultsView r, String period) {
        UUID periodId = Options.id(period);
        return r.getPeriods().stream()
                .filter(p -> p.getId().equals(periodId))
                .findFirst()
                .orElseThrow(() -> Options.notFound());
    }

    @POST
    @Path("{id}/results/reports/{report}/submit")
    public Response submitReport(
            @PathParam("id") String id, @PathParam("report") String report, MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        return act(() -> {
            Long version = Forms.read(form, ui::t).version();
            results.submitReport(
                    Options.id(report), new ReportSubmission().version(version), Forms.ifMatch(version), null);
            return resultsPage(projectId) + "#reports";
        });
    }

    @POST
    @Path("{id}/results/reports/{report}/accept")
    public Response acceptReport(
            @PathParam("id") String id, @PathParam("report") String report, MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        return act(() -> {
            Long version = Forms.read(form, ui::t).version();
            results.acceptReport(Options.id(report), new ReportReview().version(version), Forms.ifMatch(version), null);
            return resultsPage(projectId) + "#reports";
        });
    }

    @GET
    @Path("{id}/results/reports/{report}/return")
    public TemplateInstance returnForm(@PathParam("id") String id, @PathParam("report") String report) {
        allowed(ui.canEdit());
        ProjectResultsView r = results.getProjectResults(Options.id(id));
        return form(returnForm(r, reportPeriod(r, report)), Map.of());
    }

    @POST
    @Path("{id}/results/reports/{report}/return")
    public Response returnReport(
            @PathParam("id") String id, @PathParam("report") String report, MultivaluedMap<String, String> form) {
        ProjectResultsView r = results.getProjectResults(Options.id(id));
        PeriodView p = reportPeriod(r, report);
        return post(form, returnForm(r, p), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            Long version = f.version();
            results.returnReport(
                    p.getReport().getId(),
                    f.done(new ReportReview().comment(f.text("comment")).version(version)),
                    Forms.ifMatch(version),
                    null);
            return resultsPage(r.getProjectId()) + "#reports";
        });
    }

    private FormPage returnForm(ProjectResultsView r, PeriodView p) {
        return FormPage.of(
                        ui.t("results.report.return.title", p.getNumber()),
                        resultsPage(r.getProjectId()) + "/reports/"
                                + p.getReport().getId() + "/return",
                        "projects")
                .back(resultsPage(r.getProjectId()), r.getTitle())
                .version(p.getReport().getVersion())
                .area("comment", ui.t("results.report.comment"), 4000)
                .hint(ui.t("results.report.comment.hint"))
                .submit(ui.t("results.report.return"), "report-return-save");
    }

    private static PeriodView reportPeriod(ProjectResultsView r, String report) {
        UUID reportId = Options.id(report);
        return r.getPeriods().stream()
                .filter(p -> p.getReport() != null && p.getReport().getId().equals(reportId))
                .findFirst()
                .orElseThrow(() -> Options.notFound());
    }

    // Expenditure

    @GET
    @Path("{id}/results/expenditures/new")
    public TemplateInstance expenditureForm(@PathParam("id") String id) {
        UUID projectId = Options.id(id);
        allowed(mayReport(projects.getProject(projectId)));
        return form(
                expenditureForm(results.getProjectResults(projectId)),
                Map.of("spentOn", LocalDate.now(Ui.ZONE).toString()));
    }

    @POST
    @Path("{id}/results/expenditures/new")
    public Response recordExpenditure(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID projectId = Options.id(id);
        return post(form, expenditureForm(results.getProjectResults(projectId)), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            results.recordExpenditure(
                    projectId,
                    f.done(new ExpenditureRequest()
                            .allocationId(f.uuid("allocationId"))
                            .amount(f.decimal("amount"))
                            .spentOn(f.date("spentOn"))
                            .description(f.text("description"))
                            .evidenceId(f.uuid("evidenceId"))),
                    null);
            return resultsPage(projectId) + "#spending";
        });
    }

    private FormPage expenditureForm(ProjectResultsView r) {
        List<FormPage.Option> evidence = new ArrayList<>();
        var attachments = Section.of("projects", () -> projects.listProjectAttachments(r.getProjectId()));
        if (attachments.ok()) {
            attachments.data().forEach(a -> evidence.add(option(a.getId(), a.getFilename())));
        }
        return FormPage.of(
                        ui.t("results.expenditure.new"),
                        resultsPage(r.getProjectId()) + "/expenditures/new",
                        "projects")
                .back(resultsPage(r.getProjectId()), r.getTitle())
                .select(
                        "allocationId",
                        ui.t("results.expenditure.allocation"),
                        true,
                        r.getSpending().stream()
                                .map(s -> option(
                                        s.getAllocationId(),
                                        ui.t(
                                                "results.expenditure.allocationOption",
                                                ui.e("Category", s.getCategory()),
                                                s.getYear(),
                                                ui.amount(s.getLeft(), s.getUnit()))))
                                .toList())
                .decimal("amount", ui.t("results.expenditure.amount"), true, ui.t("results.expenditure.amount.hint"))
                .date("spentOn", ui.t("results.expenditure.spentOn"), true, null)
                .text("description", ui.t("results.expenditure.description"), true, 500)
                .select("evidenceId", ui.t("results.expenditure.evidence"), false, evidence)
                .hint(ui.t("results.expenditure.evidence.hint"))
                .submit(ui.t("form.save"), "expenditure-save");
    }
}
