package de.kielregion.kooperation.projects.overview;

import de.kielregion.kooperation.projects.decision.DecisionApi.DecisionView;
import de.kielregion.kooperation.projects.overview.OverviewApi.Overview;
import de.kielregion.kooperation.projects.results.ResultsApi.ResultsView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The expected result of the workshop as a readable document for the supervisory board: the
 * current strategy as Markdown from a Qute template ({@code templates/StrategyDocument/markdown.md},
 * helpers in {@link MarkdownText}), and as HTML and PDF from that Markdown (CommonMark; raw HTML in
 * user text is escaped, not rendered).
 */
public final class StrategyDocument {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML =
            HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    private StrategyDocument() {}

    public static String markdown(Overview o) {
        return markdown(o, List.of(), null);
    }

    /**
     * The document with the results of the overview's year (goal attainment, what is overdue,
     * spending against the plan; none when null) and the register's decisions (newest first) as
     * its last section.
     */
    public static String markdown(Overview o, List<DecisionView> register, ResultsView results) {
        return Templates.markdown(o, register, results).render();
    }

    /** The document's template, {@code templates/StrategyDocument/markdown.md}, checked against the records at build time. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance markdown(Overview o, List<DecisionView> register, ResultsView results);
    }

    public static String html(Overview o) {
        return html(o, List.of(), null);
    }

    public static String html(Overview o, List<DecisionView> register, ResultsView results) {
        return "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Internationalisierungsstrategie der KielRegion</title>"
                + "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45}"
                + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2em .6em}</style>"
                + "</head><body>\n" + HTML.render(PARSER.parse(markdown(o, register, results))) + "</body></html>\n";
    }

    /** The font of the PDF: Liberation Sans, which PDFBox carries (Latin with ø, å, ł, ą, ...), embedded. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** The font's bytes, read once (400 KB from PDFBox's jar, read and inflated for every document before). */
    private static final byte[] FONT_BYTES = fontBytes();

    private static byte[] fontBytes() {
        try (java.io.InputStream in = StrategyDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the class path (PDFBox carries it)");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The document as PDF for the supervisory board: a title page with the date, then the same
     * content as the HTML (measures with their open questions, projects, resources, decisions).
     */
    public static byte[] pdf(Overview o, List<DecisionView> register, ResultsView results) {
        return pdf(
                "Internationalisierungsstrategie der KielRegion",
                "Kooperation im Ostseeraum – Vorlage für den Aufsichtsrat",
                "Stand: " + MarkdownText.stamp(o.generatedAt()),
                markdown(o, register, results));
    }

    /**
     * A document as PDF (A4, a title page with {@code title}, {@code subtitle} and {@code stamp},
     * page numbers, Liberation Sans embedded) from its Markdown (user text escaped).
     */
    public static byte[] pdf(String title, String subtitle, String stamp, String markdown) {
        return pdf("de", title, subtitle, stamp, markdown);
    }

    /** The same in another language ({@code en} for the partners' documents): the page's language for readers. */
    public static byte[] pdf(String language, String title, String subtitle, String stamp, String markdown) {
        String page = "Seite ";
        String of = " von ";
        if ("en".equals(language)) {
            page = "Page ";
            of = " of ";
        }
        String html = "<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + org.jsoup.nodes.Entities.escape(title) + "</title><style>"
                + "@page{size:A4;margin:2cm 2cm 2.2cm 2cm;"
                + "@bottom-right{content:'" + page + "' counter(page) '" + of
                + "' counter(pages);font-family:'Liberation Sans';"
                + "font-size:8pt}}"
                + "body{font-family:'Liberation Sans';font-size:10pt;line-height:1.35}"
                + ".title{page-break-after:always;text-align:center;padding-top:7cm}.title h1{font-size:22pt}"
                + "h1{font-size:18pt}h2{font-size:14pt;page-break-after:avoid}h3{font-size:12pt;page-break-after:avoid}"
                + "table{border-collapse:collapse;width:100%;-fs-table-paginate:paginate}"
                + "td,th{border:0.5pt solid #999;padding:2pt 4pt;font-size:8.5pt;vertical-align:top}"
                + "</style></head><body><div class=\"title\"><h1>" + org.jsoup.nodes.Entities.escape(title) + "</h1>"
                + "<p>" + org.jsoup.nodes.Entities.escape(subtitle) + "</p><p>" + org.jsoup.nodes.Entities.escape(stamp)
                + "</p></div>" + HTML.render(PARSER.parse(markdown)) + "</body></html>";
        org.w3c.dom.Document document = new org.jsoup.helper.W3CDom().fromJsoup(org.jsoup.Jsoup.parse(html));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            com.openhtmltopdf.pdfboxout.PdfRendererBuilder pdf = new com.openhtmltopdf.pdfboxout.PdfRendererBuilder();
            pdf.useFastMode();
            pdf.useFont(() -> new java.io.ByteArrayInputStream(FONT_BYTES), "Liberation Sans");
            pdf.withW3cDocument(document, "/");
            pdf.toStream(out);
            pdf.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The document could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }
}
