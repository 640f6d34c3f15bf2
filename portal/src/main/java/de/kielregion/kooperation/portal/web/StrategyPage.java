package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ProjectsDocuments;
import de.kielregion.kooperation.portal.clients.projects.StrategyOverviewApi;
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
import java.time.LocalDate;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The strategy document: in the page, and as Markdown or HTML to download. */
@Path("/strategy")
@Authenticated
public class StrategyPage extends PageSupport {

    @Inject
    @RestClient
    ProjectsDocuments projects;

    @Inject
    @RestClient
    StrategyOverviewApi overview;

    @Inject
    @Location("strategy.html")
    Template strategy;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        int year = LocalDate.now(Ui.ZONE).getYear();
        // The service renders the Markdown with commonmark and escapes user HTML: safe to embed.
        // Only the document's body goes into the page: its own head (title, an inline style sheet
        // the page's Content-Security-Policy would refuse) is for the download.
        return page(strategy)
                .data("document", Section.of("projects", () -> bodyOf(projects.documentHtml(year))))
                .data("versions", Section.of("projects", overview::listStrategyVersions))
                .data("changes", Section.of("projects", () -> overview.getStrategyChanges(year)));
    }

    /** An adopted version of the strategy as PDF, as it was adopted. */
    @GET
    @Path("versions/{number}.pdf")
    @Produces("application/pdf")
    public Response versionPdf(@PathParam("number") String number) {
        if (!number.matches("[1-9]\\d{0,5}")) {
            throw Options.notFound();
        }
        return file(
                overview.getStrategyVersionPdf(Integer.parseInt(number)),
                "application/pdf",
                "internationalisierungsstrategie-fassung-" + number + ".pdf");
    }

    /** Decision-makers record a decision on the strategy as a whole: adopting it freezes the next version. */
    @GET
    @Path("decide")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance decideForm() {
        allowed(ui.canDecide());
        return form(decisionForm(), Forms.prefill("decidedOn", LocalDate.now(Ui.ZONE), "kind", "STRATEGY_ADOPTED"));
    }

    @POST
    @Path("decide")
    @Produces(MediaType.TEXT_HTML)
    public Response decide(MultivaluedMap<String, String> form) {
        return post(form, decisionForm(), () -> {
            Forms.Reader f = Forms.read(form, ui::t);
            overview.decideOnStrategy(DecisionFields.request(f), null);
            return "/strategy";
        });
    }

    private FormPage decisionForm() {
        FormPage form = FormPage.of(ui.t("strategy.decide"), "/strategy/decide", "strategy")
                .back("/strategy", ui.t("strategy.title"))
                .intro(ui.t("strategy.decide.intro"))
                .select("kind", ui.t("strategy.decide.kind"), true, options("DecisionKind", STRATEGY_KINDS));
        return DecisionFields.after(form, ui).submit(ui.t("decision.save"), "strategy-decide");
    }

    /** The kinds of decision on the strategy as a whole. */
    static final java.util.List<String> STRATEGY_KINDS = java.util.List.of("STRATEGY_ADOPTED", "STRATEGY_REVIEWED");

    /** The summary of the strategy for the partners, German or English. */
    @GET
    @Path("summary.pdf")
    @Produces("application/pdf")
    public Response summary(@jakarta.ws.rs.QueryParam("lang") String lang) {
        String language = "en".equals(lang) ? "en" : "de";
        return file(
                overview.getStrategySummaryPdf(language),
                "application/pdf",
                "en".equals(language) ? "strategy-summary.pdf" : "strategie-zusammenfassung.pdf");
    }

    @GET
    @Path("document.md")
    @Produces("text/markdown; charset=UTF-8")
    public Response markdown() {
        return download(projects.documentMarkdown(LocalDate.now(Ui.ZONE).getYear()), "md");
    }

    @GET
    @Path("document.html")
    @Produces("text/html; charset=UTF-8")
    public Response html() {
        return download(projects.documentHtml(LocalDate.now(Ui.ZONE).getYear()), "html");
    }

    @GET
    @Path("document.pdf")
    @Produces("application/pdf")
    public Response pdf() {
        return file(
                projects.documentPdf(LocalDate.now(Ui.ZONE).getYear()),
                "application/pdf",
                "ostsee-strategie-" + LocalDate.now(Ui.ZONE) + ".pdf");
    }

    /** The inside of an HTML document's body (the whole text when it has none). */
    static String bodyOf(String html) {
        int open = html.indexOf("<body");
        int start = open < 0 ? -1 : html.indexOf('>', open) + 1;
        int end = html.lastIndexOf("</body>");
        return start > 0 && end >= start ? html.substring(start, end) : html;
    }

    private static Response download(String body, String extension) {
        return Response.ok(body)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"ostsee-strategie-" + LocalDate.now(Ui.ZONE) + "." + extension + "\"")
                .build();
    }
}
