package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.clients.projects.BudgetApi;
import de.kielregion.kooperation.portal.clients.projects.model.BudgetCategory;
import de.kielregion.kooperation.portal.clients.projects.model.BudgetView;
import de.kielregion.kooperation.portal.clients.projects.model.LineRequest;
import de.kielregion.kooperation.portal.clients.projects.model.LineView;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Budget: the lines of a year (staff in FTE, membership fees, project funds) with what is allocated
 * and free; coordinators set a line's amount, so that a new year needs no API call.
 */
@Path("/budget")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class BudgetPage extends PageSupport {

    static final List<String> CATEGORIES = Options.of(BudgetCategory.class);

    @Inject
    @RestClient
    BudgetApi budget;

    @Inject
    @Location("budget.html")
    Template page;

    @GET
    public TemplateInstance show(@QueryParam("year") String year) {
        int y = year(year);
        return page(page)
                .data("year", y)
                .data("prev", y - 1)
                .data("next", y + 1)
                .data("categories", CATEGORIES)
                .data("budget", Section.of("projects", () -> budget.getBudget(y)));
    }

    @GET
    @Path("{year}/{category}")
    public TemplateInstance lineForm(@PathParam("year") String year, @PathParam("category") String category) {
        allowed(ui.canEdit());
        int y = year(year);
        String c = category(category);
        LineView line = line(y, c);
        return form(
                lineForm(y, c, line),
                line == null
                        ? Map.of()
                        : Forms.prefill("amount", line.getAmount().toPlainString()));
    }

    @POST
    @Path("{year}/{category}")
    public Response setLine(
            @PathParam("year") String year,
            @PathParam("category") String category,
            MultivaluedMap<String, String> form) {
        int y = year(year);
        String c = category(category);
        LineView line = line(y, c);
        return post(form, lineForm(y, c, line), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            Long version = f.version();
            budget.setBudgetLine(
                    c,
                    y,
                    f.done(new LineRequest().amount(f.decimal("amount")).version(version)),
                    Forms.ifMatch(version));
            return "/budget?year=" + y;
        });
    }

    private LineView line(int year, String category) {
        BudgetView view = budget.getBudget(year);
        return view.getLines() == null
                ? null
                : view.getLines().stream()
                        .filter(l -> l.getCategory() != null
                                && category.equals(l.getCategory().toString()))
                        .findFirst()
                        .orElse(null);
    }

    private FormPage lineForm(int year, String category, LineView line) {
        return FormPage.of(
                        ui.t("budget.line.set", ui.e("Category", category), year),
                        "/budget/" + year + "/" + category,
                        "budget")
                .back("/budget?year=" + year, ui.t("budget.title", year))
                .version(line == null ? null : line.getVersion())
                .decimal(
                        "amount",
                        ui.t(
                                BudgetCategory.STAFF.toString().equals(category)
                                        ? "budget.amount.staff"
                                        : "budget.amount.money"),
                        true,
                        line == null
                                ? ui.t("budget.amount.new")
                                : ui.t("budget.amount.allocated", ui.amount(line.getAllocated(), line.getUnit())))
                .submit(ui.t("form.save"), "line-save");
    }

    /** A year in the path or query (2000 to 2100); anything else is this year, or not found in a path. */
    private static int year(String year) {
        if (year != null && year.matches("20\\d\\d|2100")) {
            return Integer.parseInt(year);
        }
        if (year == null || year.isBlank()) {
            return LocalDate.now(Ui.ZONE).getYear();
        }
        throw Options.notFound();
    }

    private static String category(String category) {
        if (!oneOf(CATEGORIES, category)) {
            throw Options.notFound();
        }
        return category;
    }
}
