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
