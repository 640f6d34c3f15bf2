package de.kielregion.kooperation.projects.calendar;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.PLOEN;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static de.kielregion.kooperation.projects.Api.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds: a secret address per feed (calendar clients cannot log in), a valid iCalendar
 * with next steps and revisit dates, scoped to what the creator may read, revocable.
 */
@QuarkusTest
class CalendarFeedTest {

    private static String project(String title, List<String> shareholders) {
        return as(COORDINATOR)
                .body(Map.of(
                        "title",
                        title,
                        "shareholders",
                        shareholders,
                        "partners",
                        List.of(Map.of(
                                "partnerId", partner("Kiel " + title, "DE").toString(), "role", "PARTNER"))))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void step(String title, String project, LocalDate due) {
        as(COORDINATOR)
                .body(Map.of("title", title, "owner", "KielRegion", "dueDate", due.toString(), "projectId", project))
                .when()
                .post("/next-steps")
                .then()
                .statusCode(201);
    }

    private static Calendar read(String url) throws Exception {
        String ics = given().when()
                .get(url)
                .then()
                .statusCode(200)
                .contentType("text/calendar")
                .extract()
                .asString();
        return new CalendarBuilder().build(new StringReader(ics)); // parses strictly as RFC 5545
    }

    private static List<String> summaries(Calendar calendar) {
        return calendar.getComponents(VEvent.VEVENT).stream()
                .map(e -> ((VEvent) e).getSummary().getValue())
                .toList();
    }

    @Test
    void aFeedShowsWhatItsCreatorMayReadUntilItIsRevoked() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate due = LocalDate.now().plusDays(10);
        String ploens = project("Dorfladen " + tag, List.of("PLOEN"));
        String kiels = project("Hafen " + tag, List.of("KIEL"));
        step("Antrag Plön " + tag, ploens, due);
        step("Antrag Kiel " + tag, kiels, due);
        as(COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + kiels + "/status")
                .then()
                .statusCode(200);
        as(DECIDER)
                .body(Map.of(
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        LocalDate.now().toString(),
                        "outcome",
                        "DEFERRED",
                        "revisitOn",
                        due.plusDays(3).toString()))
                .when()
                .post("/projects/" + kiels + "/decisions")
                .then()
                .statusCode(201);

        String all = as(VIEWER)
                .body(Map.of("name", "Büro " + tag))
                .when()
                .post("/calendar/feeds")
                .then()
                .statusCode(201)
                .body("shareholder", nullValue())
                .extract()
                .path("url");
        List<String> everything = summaries(read(all));
        assertTrue(everything.contains("Nächster Schritt: Antrag Plön " + tag), everything.toString());
        assertTrue(everything.contains("Nächster Schritt: Antrag Kiel " + tag), everything.toString());
        assertTrue(everything.contains("Wiedervorlage: Hafen " + tag), everything.toString());
        // What a person reads in the calendar: words and German dates, no code, no ISO date.
        List<String> texts = read(all).getComponents(VEvent.VEVENT).stream()
                .map(e -> (VEvent) e)
                .flatMap(e -> java.util.stream.Stream.of(
                        e.getSummary().getValue(),
                        e.getDescription() == null ? "" : e.getDescription().getValue()))
                .toList();
        String revisit = texts.get(texts.indexOf("Wiedervorlage: Hafen " + tag) + 1);
        assertTrue(revisit.contains("(Aufsichtsrat)"), revisit);
        for (String text : texts) {
            assertFalse(
                    text.matches("(?s).*\\b(SUPERVISORY_BOARD|ADMINISTRATIVE_HEADS|MANAGEMENT|KIELREGION|PLOEN|KIEL"
                            + "|RENDSBURG_ECKERNFOERDE|\\d{4}-\\d{2}-\\d{2})\\b.*"),
                    "no code, no ISO date: " + text);
        }
        VEvent step = read(all).getComponents(VEvent.VEVENT).stream()
                .map(e -> (VEvent) e)
                .filter(e -> e.getSummary().getValue().contains("Antrag Plön " + tag))
                .findFirst()
                .orElseThrow();
        assertTrue(
                step.getDateTimeStart().getValue().startsWith(due.toString().replace("-", "")),
                "an all-day event on the due date");

        String ploen = as(PLOEN)
                .body(Map.of("name", "Kreis " + tag))
                .when()
                .post("/calendar/feeds")
                .then()
                .statusCode(201)
                .body("shareholder", equalTo("PLOEN"))
                .extract()
                .path("url");
        List<String> ploenSees = summaries(read(ploen));
        assertTrue(ploenSees.contains("Nächster Schritt: Antrag Plön " + tag), ploenSees.toString());
        assertFalse(ploenSees.contains("Nächster Schritt: Antrag Kiel " + tag), "not Kiel's project");
        assertFalse(ploenSees.stream().anyMatch(s -> s.startsWith("Wiedervorlage")), "not the board's revisits");

        as(PLOEN)
                .when()
                .get("/calendar/feeds")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].url", nullValue());
        String id = as(PLOEN).when().get("/calendar/feeds").then().extract().path("[0].id");
        as(VIEWER).when().delete("/calendar/feeds/" + id).then().statusCode(404); // not the viewer's
        as(PLOEN).when().delete("/calendar/feeds/" + id).then().statusCode(204);
        given().when().get(ploen).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/calendar/not-a-token.ics").then().statusCode(404);
        as(VIEWER)
                .body(Map.of("name", ""))
                .when()
                .post("/calendar/feeds")
                .then()
                .statusCode(400);
        given().body(Map.of("name", "x"))
                .contentType("application/json")
                .when()
                .post("/calendar/feeds")
                .then()
                .statusCode(401);
    }
}
