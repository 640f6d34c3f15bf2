package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.memberships.MembershipsApi;
import de.kielregion.kooperation.portal.clients.memberships.model.Deadline;
import de.kielregion.kooperation.portal.clients.projects.BudgetApi;
import de.kielregion.kooperation.portal.clients.projects.ResultsApi;
import de.kielregion.kooperation.portal.clients.projects.StrategyOverviewApi;
import de.kielregion.kooperation.portal.clients.projects.model.Overview;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Lage: the strategy overview at a glance (every role). */
@Path("/")
@Authenticated
public class DashboardPage extends PageSupport {

    @Inject
    @RestClient
    StrategyOverviewApi strategy;

    @Inject
    @RestClient
    BudgetApi budget;

    @Inject
    @RestClient
    MembershipsApi memberships;

    @Inject
    @RestClient
    ResultsApi results;

    @Inject
    @Location("dashboard.html")
    Template dashboard;

    /** This year's budget as a spreadsheet. */
    @GET
    @Path("budget.xlsx")
    @Produces(XLSX)
    public jakarta.ws.rs.core.Response budgetXlsx() {
        int year = LocalDate.now(Ui.ZONE).getYear();
        return file(budget.exportBudgetXlsx(year), XLSX, "budget-" + year + ".xlsx");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        int year = LocalDate.now(Ui.ZONE).getYear();
        Section<Overview> overview = Section.of("projects", () -> strategy.getStrategyOverview(year));
        Section<List<Deadline>> deadlines = Section.of("memberships", () -> memberships.listNoticeDeadlines("P90D"));
        return page(dashboard)
                .data("year", year)
                .data("overview", overview)
                .data("deadlines", deadlines)
                .data("results", Section.of("projects", () -> results.getResults(year)))
                .data("commitments", Section.of("projects", () -> budget.getCommitments(year, 3)));
    }
}
