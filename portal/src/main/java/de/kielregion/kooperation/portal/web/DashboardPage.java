package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.MembershipsApi;
import de.kielregion.kooperation.portal.api.ProjectsApi;
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
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Lage: the strategy overview at a glance (every role). */
@Path("/")
@Authenticated
public class DashboardPage extends PageSupport {

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @RestClient
    MembershipsApi memberships;

    @Inject
    @Location("dashboard.html")
    Template dashboard;

    /** This year's budget as a spreadsheet. */
    @GET
    @Path("budget.xlsx")
    @Produces(XLSX)
    public jakarta.ws.rs.core.Response budgetXlsx() {
        int year = LocalDate.now(Ui.ZONE).getYear();
        return file(projects.budgetXlsx(year), XLSX, "budget-" + year + ".xlsx");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        int year = LocalDate.now(Ui.ZONE).getYear();
        Section<Map<String, Object>> overview = Section.of("projects", () -> projects.overview(year));
        Section<List<Map<String, Object>>> deadlines = Section.of("memberships", () -> memberships.deadlines("P90D"));
        return page(dashboard).data("year", year).data("overview", overview).data("deadlines", deadlines);
    }
}
