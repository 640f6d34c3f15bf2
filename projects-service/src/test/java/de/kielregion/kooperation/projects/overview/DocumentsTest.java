package de.kielregion.kooperation.projects.overview;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.infra.testing.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The documents people pass on: the strategy as PDF, and projects, decisions and budget as spreadsheets. */
@QuarkusTest
class DocumentsTest {

    @Test
    void theStrategyAsPdfHasATitlePageTheOpenQuestionsAndTheDecisionsTaken() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        as(COORDINATOR)
                .body(Map.of("name", "Współpraca Łódź–Samsø " + tag))
                .when()
                .post("/themes")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of("text", "Wer trägt die Reisekosten " + tag + "?"))
                .when()
                .post("/open-questions")
                .then()
                .statusCode(201);
        as(DECIDER)
                .body(Map.of(
                        "kind", "STRATEGY_ADOPTED",
                        "body", "SUPERVISORY_BOARD",
                        "decidedOn", "2024-11-20",
                        "outcome", "APPROVED",
                        "minutesReference", "AR " + tag))
                .when()
                .post("/strategy/decisions")
                .then()
                .statusCode(201);

        byte[] pdf = as(VIEWER)
                .accept("application/pdf")
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString(".pdf"))
                .extract()
                .asByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String title = stripper.getText(document);
            assertTrue(title.contains("Internationalisierungsstrategie der KielRegion"), title);
            assertTrue(title.contains("Stand:"), title);
            assertTrue(document.getNumberOfPages() > 1, "the title page stands alone");
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Współpraca Łódź–Samsø " + tag), "the embedded font has ł, Ł, ź, ø");
            assertTrue(text.contains("Wer trägt die Reisekosten " + tag), "the open questions");
            assertTrue(text.contains("Beschlussregister"), "the decisions taken");
            assertTrue(text.contains("AR " + tag), "a decision with its minutes");
        }
        as(VIEWER)
                .accept("application/pdf")
                .queryParam("year", 1999)
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(400);
    }

    /** The codes the services keep, which a document never shows (free text a person typed aside). */
    private static final java.util.regex.Pattern CODES = java.util.regex.Pattern.compile("\\b("
            + "SUPERVISORY_BOARD|ADMINISTRATIVE_HEADS|MANAGEMENT|KIEL|RENDSBURG_ECKERNFOERDE|PLOEN|KIELREGION"
            + "|IDEA|PROPOSED|APPROVED|APPROVED_WITH_CONDITIONS|REJECTED|DEFERRED|RESOURCED|IN_PROGRESS|COMPLETED"
            + "|CANCELLED|RESOLVED|STAFF|PROJECT_FUNDS|MEMBERSHIP_FEES|FTE|EUR|CANDIDATE|UNDER_REVIEW|DECIDED_JOIN"
            + "|DECIDED_DECLINE|AWAITING_FUNDING|ACTIVE|NOTICE_GIVEN|ENDED|JOIN|DECLINE|TERMINATE|PROJECT_DECISION"
            + "|QUESTION_RESOLUTION|DESIGNATE_FOCUS_PARTNER|REVOKE_FOCUS_PARTNER|CITY|TOWN|RURAL)\\b");

    private static final java.util.regex.Pattern ISO_DATE =
            java.util.regex.Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    @Test
    void theDocumentSpeaksTheGlossarysWordsWithGermanDatesAndAmounts() {
        int year = Year.now().getValue() + 11; // a year only this test gives a budget
        as(COORDINATOR)
                .body(Map.of("amount", "1500.00"))
                .when()
                .put("/budget/" + year + "/lines/PROJECT_FUNDS")
                .then()
                .statusCode(200);
        as(COORDINATOR)
                .body(Map.of("amount", "0.75"))
                .when()
                .put("/budget/" + year + "/lines/STAFF")
                .then()
                .statusCode(200);
        as(DECIDER)
                .body(Map.of(
                        "kind", "STRATEGY_ADOPTED",
                        "body", "SUPERVISORY_BOARD",
                        "decidedOn", "2024-11-27",
                        "outcome", "APPROVED"))
                .when()
                .post("/strategy/decisions")
                .then()
                .statusCode(201);
        String html = as(VIEWER)
                .accept("text/html")
                .queryParam("year", year)
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String text = org.jsoup.Jsoup.parse(html).text().replace('\u00a0', ' ');
        assertTrue(
                text.contains("27.11.2024, Aufsichtsrat: Beschluss der Internationalisierungsstrategie — genehmigt"),
                text);
        assertTrue(text.contains("Projektmittel 1.500,00 €"), text);
        assertTrue(text.contains("Personal 0,75 VZÄ"), text);
        java.util.regex.Matcher code = CODES.matcher(text);
        assertTrue(!code.find(), "a code reaches the document: " + (code.hitEnd() ? "" : around(text, code.start())));
        java.util.regex.Matcher date = ISO_DATE.matcher(text);
        assertTrue(
                !date.find(), "an ISO date reaches the document: " + (date.hitEnd() ? "" : around(text, date.start())));
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60));
    }

    @Test
    void projectsDecisionsAndTheBudgetAsSpreadsheets() throws IOException {
        String tag = "x" + UUID.randomUUID().toString().substring(0, 6);
        as(COORDINATOR)
                .body(Map.of("title", "=HYPERLINK(\"http://evil\") " + tag, "effort", 2, "impact", 5))
                .when()
                .post("/projects")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of("title", "Hafenkooperation " + tag))
                .when()
                .post("/projects")
                .then()
                .statusCode(201);
        String projects = sheet(as(VIEWER)
                .queryParam("q", tag)
                .when()
                .get("/projects/export/xlsx")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("projekte.xlsx"))
                .extract()
                .asByteArray());
        assertTrue(projects.contains("Hafenkooperation " + tag), projects);
        assertTrue(projects.contains("'=HYPERLINK"), "a title is never a formula");
        assertTrue(!projects.contains("<f>"), "no formula cell");
        as(VIEWER)
                .queryParam("country", "Schweden")
                .when()
                .get("/projects/export/xlsx")
                .then()
                .statusCode(400);

        String decisions = sheet(as(VIEWER)
                .queryParam("outcome", "APPROVED")
                .when()
                .get("/decisions/export/xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertTrue(decisions.contains("decidedOn") && decisions.contains("revisitOn"), decisions);
        as(VIEWER)
                .queryParam("from", "gestern")
                .when()
                .get("/decisions/export/xlsx")
                .then()
                .statusCode(400);

        int year = Year.now().getValue() + 9;
        as(COORDINATOR)
                .body(Map.of("amount", "12345.67"))
                .when()
                .put("/budget/" + year + "/lines/PROJECT_FUNDS")
                .then()
                .statusCode(200);
        String budget = sheet(as(VIEWER)
                .when()
                .get("/budget/" + year + "/export/xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertTrue(budget.contains("PROJECT_FUNDS") && budget.contains("<v>12345.67</v>"), budget);
        as(VIEWER).when().get("/budget/1999/export/xlsx").then().statusCode(400);
    }

    private static String sheet(byte[] xlsx) {
        return Workbooks.text(xlsx);
    }
}
