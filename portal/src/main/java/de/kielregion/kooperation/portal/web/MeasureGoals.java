package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.ResultsApi;
import de.kielregion.kooperation.portal.clients.projects.StrategyApi;
import de.kielregion.kooperation.portal.clients.projects.model.GoalLinks;
import de.kielregion.kooperation.portal.clients.projects.model.MeasureView;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The goals of the strategy a measure serves (coordinators), on a page of its own. */
@Path("/plan")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MeasureGoals extends PageSupport {

    @Inject
    @RestClient
    StrategyApi strategy;

    @Inject
    @RestClient
    ResultsApi results;

    @GET
    @Path("measures/{id}/goals")
    public TemplateInstance form(@PathParam("id") String id) {
        allowed(ui.canEdit());
        MeasureView m = strategy.getMeasure(Options.id(id));
        return form(
                form(m),
                Map.of(
                        "goalIds",
                        m.getGoalIds() == null
                                ? List.of()
                                : m.getGoalIds().stream().map(UUID::toString).toList()));
    }

    @POST
    @Path("measures/{id}/goals")
    public Response save(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        MeasureView m = strategy.getMeasure(Options.id(id));
        return post(form, form(m), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            results.setMeasureGoals(m.getId(), f.done(new GoalLinks().goalIds(f.uuids("goalIds"))));
            return "/plan/measures/" + m.getId();
        });
    }

    private FormPage form(MeasureView m) {
        return goalChecks(
                        FormPage.of(
                                        ui.t("results.goals.setFor", m.getNumber(), m.getTitle()),
                                        "/plan/measures/" + m.getId() + "/goals",
                                        "plan")
                                .back("/plan/measures/" + m.getId(), m.getNumber() + ". " + m.getTitle()),
                        ui,
                        strategy)
                .submit(ui.t("form.save"), "goals-save");
    }

    /** The checkboxes of the strategy's goals (for a measure's and a project's goals). */
    static FormPage goalChecks(FormPage form, Ui ui, StrategyApi strategy) {
        return form.checks(
                "goalIds",
                ui.t("results.goals.served"),
                strategy.listGoals().stream()
                        .map(g -> new FormPage.Option(g.getId().toString(), g.getTitle()))
                        .toList());
    }
}
