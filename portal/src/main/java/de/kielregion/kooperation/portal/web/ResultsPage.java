package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.ResultsApi;
import de.kielregion.kooperation.portal.clients.projects.StrategyApi;
import de.kielregion.kooperation.portal.clients.projects.model.GoalView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Ergebnisse: per goal of the strategy its measures, projects and indicators with what is achieved
 * against the year's target; the milestones and reports that are overdue; the reports waiting for
 * review; per budget line planned, committed, spent and free. Coordinators define the goals'
 * indicators here.
 */
@Path("/results")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ResultsPage extends PageSupport {

    @Inject
    @RestClient
    ResultsApi results;

    @Inject
    @RestClient
    StrategyApi strategy;

    @Inject
    @Location("results.html")
    Template page;

    @GET
    public TemplateInstance show(@QueryParam("year") String year) {
        int y = year(year);
        return page(page)
                .data("year", y)
                .data("prev", y - 1)
                .data("next", y + 1)
                .data("results", Section.of("projects", () -> results.getResults(y)));
    }

    /** The goals' indicators of a year as a spreadsheet. */
    @GET
    @Path("indikatoren.xlsx")
    @Produces(XLSX)
    public Response indicatorsXlsx(@QueryParam("year") String year) {
        int y = year(year);
        return file(results.exportIndicatorsXlsx(y), XLSX, "indikatoren-" + y + ".xlsx");
    }

    @GET
    @Path("goals/{goal}/indicators/new")
    public TemplateInstance indicatorForm(@PathParam("goal") String goal) {
        allowed(ui.canEdit());
        return form(
                indicatorForm(goal(goal)),
                Map.of("targetYear", String.valueOf(LocalDate.now(Ui.ZONE).getYear()), "baseline", "0"));
    }

    @POST
    @Path("goals/{goal}/indicators/new")
    public Response defineIndicator(@PathParam("goal") String goal, MultivaluedMap<String, String> form) {
        GoalView g = goal(goal);
        return post(form, indicatorForm(g), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            results.defineGoalIndicator(g.getId(), f.done(ProjectResults.indicatorRequest(f)), null);
            return "/results#goal-" + g.getId();
        });
    }

    /** A year of the query (2000 to 2099); anything else is this year. */
    private static int year(String year) {
        return year == null || !year.matches("20\\d\\d")
                ? LocalDate.now(Ui.ZONE).getYear()
                : Integer.parseInt(year);
    }

    private GoalView goal(String goal) {
        UUID id = Options.id(goal);
        return strategy.listGoals().stream()
                .filter(g -> g.getId().equals(id))
                .findFirst()
                .orElseThrow(() -> Options.notFound());
    }

    private FormPage indicatorForm(GoalView g) {
        FormPage form = FormPage.of(
                        ui.t("results.goal.indicator.new", g.getTitle()),
                        "/results/goals/" + g.getId() + "/indicators/new",
                        "results")
                .back("/results", ui.t("nav.results"))
                .intro(ui.t("results.goal.indicator.intro"));
        return ProjectResults.indicatorFields(form, ui, List.of()).submit(ui.t("form.save"), "goal-indicator-save");
    }
}
