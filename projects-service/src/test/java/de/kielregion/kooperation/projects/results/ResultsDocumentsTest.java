package de.kielregion.kooperation.projects.results;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.KIEL;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.infra.testing.MailTestResource;
import de.kielregion.kooperation.platform.reminders.Reminders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * What people read of results outside the portal: reminders of milestones and reports coming
 * due (to the coordinators and the participating shareholder), the calendar feed, the progress
 * report as PDF, the goals' indicators as XLSX and the strategy document's results section, in
 * German words and dates.
 */
@QuarkusTest
class ResultsDocumentsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Inject
    Reminders reminders;

    /** A Kiel project with a milestone due in 3 days and a period whose report is due in 5. */
    private static Map<String, String> project(String tag) {
        String project = as(COORDINATOR)
                .body(Map.of("title", "Fährlinie " + tag, "shareholders", List.of("KIEL")))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(COORDINATOR)
                .body(Map.of("title", "Vorbereitung " + tag))
                .when()
                .post("/projects/" + project + "/work-packages")
                .then()
                .statusCode(201);
        String wp = as(VIEWER)
                .when()
                .get("/projects/" + project + "/results")
                .then()
                .extract()
                .path("workPackages[0].id");
        as(COORDINATOR)
                .body(Map.of(
                        "workPackageId",
                        wp,
                        "title",
                        "Fahrplan abgestimmt " + tag,
                        "dueOn",
                        TODAY.plusDays(3).toString()))
                .when()
                .post("/projects/" + project + "/milestones")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of("kind", "OUTPUT", "name", "Abfahrten " + tag, "unit", "COUNT"))
                .when()
                .post("/projects/" + project + "/indicators")
                .then()
                .statusCode(201);
        String period = as(COORDINATOR)
                .body(Map.of(
                        "startsOn", TODAY.minusMonths(6).toString(),
                        "endsOn", TODAY.minusDays(1).toString(),
                        "reportDueOn", TODAY.plusDays(5).toString()))
                .when()
                .post("/projects/" + project + "/reporting-periods")
                .then()
                .statusCode(201)
                .extract()
                .path("periods[0].id");
        return Map.of("project", project, "period", period);
    }

    @Test
    void milestonesAndReportsComingDueAreMailedToTheCoordinatorsAndTheShareholderAndAreInItsCalendar()
            throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        project(tag);
        Reminders.Round round = reminders.run(TODAY);
        assertEquals(0, round.failed(), round.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(tag).size() >= 2);
        List<MimeMessage> mails = mails(tag);
        assertEquals(2, mails.size(), "one reminder each, however often the round runs");
        MimeMessage milestone = mails.stream()
                .filter(m -> subject(m).contains("Meilenstein: Fahrplan abgestimmt " + tag))
                .findFirst()
                .orElseThrow();
        assertTrue(subject(milestone).contains(TODAY.plusDays(3).format(GERMAN)), subject(milestone));
        List<String> to = Arrays.stream(milestone.getAllRecipients())
                .map(Address::toString)
                .toList();
        assertTrue(
                to.contains("koordination@kielregion.example") && to.contains("international@kiel.example"),
                to.toString());
        MimeMessage report = mails.stream()
                .filter(m -> subject(m).contains("Fortschrittsbericht"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                report.getContent().toString().contains("Berichtszeitraum 1"),
                report.getContent().toString());
        reminders.run(TODAY);
        Thread.sleep(500);
        assertEquals(2, mails(tag).size(), "a second round sends nothing new");

        String feed = as(KIEL).body(Map.of("name", "Kiel " + tag))
                .when()
                .post("/calendar/feeds")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        String ics = given().when().get(feed).then().statusCode(200).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<String> summaries = calendar.getComponents(VEvent.VEVENT).stream()
                .map(e -> ((VEvent) e).getSummary().getValue())
                .toList();
        assertTrue(
                summaries.contains("Meilenstein: Fahrplan abgestimmt " + tag + " (Fährlinie " + tag + ")"),
                summaries.toString());
        assertTrue(summaries.contains("Fortschrittsbericht fällig: Fährlinie " + tag), summaries.toString());
    }

    @Test
    void theReportIsAGermanPdfTheIndicatorsASpreadsheetAndTheStrategyDocumentHasItsResults() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> ids = project(tag);
        String indicator = as(VIEWER)
                .when()
                .get("/projects/" + ids.get("project") + "/results")
                .then()
                .extract()
                .path("indicators[0].id");
        as(KIEL).body(Map.of(
                        "narrative",
                        "Erste Abfahrt <b>Kiel–Klaipėda</b> am Montag.\nZweiter Absatz.",
                        "values",
                        List.of(Map.of("indicatorId", indicator, "value", 12))))
                .when()
                .put("/reporting-periods/" + ids.get("period") + "/report")
                .then()
                .statusCode(200);

        byte[] pdf = as(VIEWER)
                .accept("application/pdf")
                .when()
                .get("/reporting-periods/" + ids.get("period") + "/report/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("fortschrittsbericht-1.pdf"))
                .extract()
                .asByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains("Fortschrittsbericht"), text);
        assertTrue(text.contains("Fährlinie " + tag), text);
        assertTrue(text.contains("Erste Abfahrt <b>Kiel–Klaipėda</b> am Montag."), "user text as written: " + text);
        assertTrue(text.contains("Entwurf"), "the status in the glossary's word: " + text);
        assertTrue(text.contains("Fahrplan abgestimmt " + tag), text);
        assertTrue(text.contains(TODAY.plusDays(3).format(GERMAN)), "German dates: " + text);
        assertFalse(text.contains("DRAFT") || text.contains("COUNT") || text.contains("PLANNED"), "no codes: " + text);

        byte[] xlsx = as(VIEWER)
                .when()
                .get("/results/export/xlsx?year=" + TODAY.getYear())
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract()
                .asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));

        String goal = as(COORDINATOR)
                .body(Map.of("title", "Dokumentziel " + tag, "description", "x"))
                .when()
                .post("/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(COORDINATOR)
                .body(Map.of(
                        "kind",
                        "RESULT",
                        "name",
                        "Fahrgäste " + tag,
                        "unit",
                        "PERSONS",
                        "targets",
                        List.of(Map.of("year", TODAY.getYear(), "target", 1000))))
                .when()
                .post("/goals/" + goal + "/indicators")
                .then()
                .statusCode(201);
        String markdown = as(VIEWER)
                .accept("text/markdown")
                .when()
                .get("/strategy/document")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(markdown.contains("## Ergebnisse " + TODAY.getYear()), markdown);
        assertTrue(markdown.contains("### Dokumentziel " + tag), markdown);
        assertTrue(markdown.contains("| Fahrgäste " + tag + " | Ergebnis | Personen | 0 | 1.000 | 0 |"), markdown);
    }

    @Test
    void aWorkPackagesDeliverablesAreFilesOfTheAttachmentStoreWrittenByThoseWhoWriteForTheProject() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> ids = project(tag);
        String wp = as(VIEWER)
                .when()
                .get("/projects/" + ids.get("project") + "/results")
                .then()
                .extract()
                .path("workPackages[0].id");
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        given().header(
                        "Authorization",
                        de.kielregion.kooperation.infra.testing.Tokens.bearer(
                                de.kielregion.kooperation.projects.Api.PLOEN))
                .contentType("application/octet-stream")
                .body(pdf)
                .queryParam("filename", "Fremd.pdf")
                .when()
                .post("/work-packages/" + wp + "/deliverables")
                .then()
                .statusCode(403);
        given().header("Authorization", de.kielregion.kooperation.infra.testing.Tokens.bearer(KIEL))
                .contentType("application/octet-stream")
                .body("<html><body>keine Studie</body></html>".getBytes(StandardCharsets.US_ASCII))
                .queryParam("filename", "Studie.pdf")
                .when()
                .post("/work-packages/" + wp + "/deliverables")
                .then()
                .statusCode(400)
                .body("detail", containsString("text/html"));
        given().header("Authorization", de.kielregion.kooperation.infra.testing.Tokens.bearer(KIEL))
                .contentType("application/octet-stream")
                .body(pdf)
                .queryParam("filename", "Machbarkeitsstudie.pdf")
                .when()
                .post("/work-packages/" + wp + "/deliverables")
                .then()
                .statusCode(201)
                .header("Location", containsString("/attachments/"));
        as(VIEWER)
                .when()
                .get("/projects/" + ids.get("project") + "/results")
                .then()
                .body(
                        "workPackages[0].deliverables.filename",
                        org.hamcrest.Matchers.contains("Machbarkeitsstudie.pdf"));
        as(VIEWER)
                .when()
                .get("/history/WorkPackage/" + wp)
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    private static List<MimeMessage> mails(String tag) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage m : MailTestResource.mail().getReceivedMessages()) {
            if (m.getSubject().contains(tag) && ids.add(m.getMessageID())) {
                found.add(m);
            }
        }
        return found;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
