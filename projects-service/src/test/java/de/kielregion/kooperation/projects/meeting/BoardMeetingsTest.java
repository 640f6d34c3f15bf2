package de.kielregion.kooperation.projects.meeting;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.DECIDER;
import static de.kielregion.kooperation.projects.Api.KIEL;
import static de.kielregion.kooperation.projects.Api.VIEWER;
import static de.kielregion.kooperation.projects.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.infra.testing.MailTestResource;
import de.kielregion.kooperation.platform.reminders.Reminders;
import de.kielregion.kooperation.projects.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A board meeting's agenda is assembled from what waits for a decision in all three services,
 * reordered and extended by hand, items move to another meeting (the deferral recorded); each
 * item has a German decision paper; the invitation goes out by mail; decisions taken in the
 * meeting, here or announced by another service, mark its items; the minutes come after.
 */
@QuarkusTest
class BoardMeetingsTest {

    private static final String MEMBERSHIPS = "cooperation.memberships.v1";

    @Inject
    Reminders reminders;

    private static String meeting(LocalDate day, String title) {
        return as(COORDINATOR)
                .body(Map.of(
                        "body",
                        "SUPERVISORY_BOARD",
                        "meetsOn",
                        day.toString(),
                        "title",
                        title,
                        "place",
                        "Kiel, Haus der Wirtschaft"))
                .when()
                .post("/board-meetings")
                .then()
                .statusCode(201)
                .body("label", equalTo(title))
                .extract()
                .path("id");
    }

    private static JsonPath detail(String meeting) {
        return as(VIEWER)
                .when()
                .get("/board-meetings/" + meeting)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The item about {@code subjectId} on the meeting's agenda, as a map. */
    private static Map<String, Object> item(String meeting, String subjectId) {
        List<Map<String, Object>> agenda = detail(meeting).getList("agenda");
        return agenda.stream()
                .filter(i -> subjectId.equals(i.get("subjectId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(subjectId + " is not on the agenda: " + agenda));
    }

    private static String proposedProject(String title) {
        return Api.proposedProject(Map.of(
                "title",
                title,
                "lead",
                "KielRegion",
                "financing",
                List.of(Map.of("kind", "EU_PROGRAMME", "name", "Interreg Ostsee", "amount", "1500.00"))));
    }

    private static UUID candidateMembership(String acronym) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("holder", "KIELREGION");
        data.put("organisationId", UUID.randomUUID().toString());
        data.put("organisationAcronym", acronym);
        data.put("organisationName", "Union of the Baltic Cities " + acronym);
        data.put("status", "CANDIDATE");
        data.put("termMonths", 12);
        data.put("noticePeriod", "P3M");
        data.put("currentYearlyFee", "2000.00");
        data.put("workingGroups", List.of("Smart and Prosperous Cities"));
        data.put("version", 0);
        Api.publish(
                MEMBERSHIPS,
                "/ostsee-kooperation/memberships-service",
                "cooperation.membership.proposed.v1",
                id.toString(),
                "Membership",
                data);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(COORDINATOR)
                        .when()
                        .get("/board-meetings/agenda-candidates")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("subjectId")
                        .contains(id.toString()));
        return id;
    }

    private static String markdownOf(String path) {
        return as(VIEWER).when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void anAgendaFromWhatWaitsPapersInvitationAndDecisionsTakenInTheMeeting() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(de.kielregion.kooperation.platform.text.Wording.ZONE);
        String project = proposedProject("Fährverbindung Kiel–Göteborg " + tag);
        String question = Api.membershipQuestion("Wer vertritt die KielRegion bei BSSSC " + tag + "?", List.of());
        UUID membership = candidateMembership("U" + tag);
        String meeting = meeting(today, "AR-Sitzung " + tag);

        List<String> waiting = as(DECIDER)
                .when()
                .get("/board-meetings/agenda-candidates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("subjectId");
        assertTrue(waiting.containsAll(List.of(project, question, membership.toString())), waiting.toString());

        as(COORDINATOR)
                .when()
                .post("/board-meetings/" + meeting + "/agenda/pending")
                .then()
                .statusCode(200);
        as(COORDINATOR)
                .when()
                .post("/board-meetings/" + meeting + "/agenda/pending")
                .then()
                .statusCode(200);
        List<Map<String, Object>> agenda = detail(meeting).getList("agenda");
        for (String subject : List.of(project, question, membership.toString())) {
            assertEquals(
                    1,
                    agenda.stream()
                            .filter(i -> subject.equals(i.get("subjectId")))
                            .count(),
                    subject + " once on the agenda, also after a second round: " + agenda);
        }
        assertEquals(
                "Projekt zur Entscheidung vorgelegt", item(meeting, project).get("note"));
        assertFalse(
                as(COORDINATOR)
                        .when()
                        .get("/board-meetings/agenda-candidates")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("subjectId")
                        .contains(project),
                "on a coming agenda, no longer a candidate");

        // By hand: a free item needs a title; a subject is on it once; an unknown subject is refused.
        as(COORDINATOR)
                .header("Accept-Language", "de")
                .body(Map.of("subjectType", "OTHER"))
                .when()
                .post("/board-meetings/" + meeting + "/agenda")
                .then()
                .statusCode(400)
                .body("detail", containsString("Titel"));
        as(COORDINATOR)
                .body(Map.of("subjectType", "PROJECT", "subjectId", project))
                .when()
                .post("/board-meetings/" + meeting + "/agenda")
                .then()
                .statusCode(409);
        as(COORDINATOR)
                .body(Map.of(
                        "subjectType", "PARTNER", "subjectId", UUID.randomUUID().toString()))
                .when()
                .post("/board-meetings/" + meeting + "/agenda")
                .then()
                .statusCode(400);
        as(COORDINATOR)
                .body(Map.of("subjectType", "OTHER", "title", "Verschiedenes " + tag))
                .when()
                .post("/board-meetings/" + meeting + "/agenda")
                .then()
                .statusCode(200);

        // Reordering names every item once; the new order holds.
        List<String> ids = detail(meeting).getList("agenda.id");
        as(COORDINATOR)
                .body(Map.of("itemIds", ids.subList(1, ids.size())))
                .when()
                .put("/board-meetings/" + meeting + "/agenda/order")
                .then()
                .statusCode(400);
        List<String> reversed = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        as(COORDINATOR)
                .body(Map.of("itemIds", reversed))
                .when()
                .put("/board-meetings/" + meeting + "/agenda/order")
                .then()
                .statusCode(200);
        assertEquals(reversed, detail(meeting).getList("agenda.id"));
        assertEquals(1, (int) detail(meeting).getInt("agenda[0].position"));

        // The papers: German, amounts and periods as people write them, no codes.
        String projectItem = (String) item(meeting, project).get("id");
        String paper = markdownOf("/agenda-items/" + projectItem + "/paper/markdown");
        for (String expected : List.of(
                "Beschlussvorlage",
                "Fährverbindung Kiel–Göteborg " + tag,
                "Finanzierung und Kofinanzierung",
                "Interreg Ostsee",
                "EU-Programm",
                "1.500,00\u00a0€",
                "zur Entscheidung vorgelegt",
                "Aufsichtsrat",
                "Beschlussvorschlag")) {
            assertTrue(paper.contains(expected), expected + " in:\n" + paper);
        }
        for (String code : List.of("PROPOSED", "SUPERVISORY_BOARD", "EU_PROGRAMME", "OPEN", today.toString())) {
            assertFalse(paper.contains(code), code + " in:\n" + paper);
        }
        String membershipPaper = markdownOf(
                "/agenda-items/" + item(meeting, membership.toString()).get("id") + "/paper/markdown");
        for (String expected : List.of(
                "Mitgliedsbeitrag je Jahr",
                "2.000,00\u00a0€",
                "6.000,00\u00a0€",
                "3 Monate",
                "Smart and Prosperous Cities")) {
            assertTrue(membershipPaper.contains(expected), expected + " in:\n" + membershipPaper);
        }
        byte[] pdf = as(VIEWER)
                .when()
                .get("/agenda-items/" + projectItem + "/paper/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String documents = markdownOf("/board-meetings/" + meeting + "/documents/markdown");
        assertTrue(documents.contains("## Tagesordnung"), documents);
        assertTrue(documents.contains("# TOP 1: Verschiedenes " + tag), documents);

        // A decision in the meeting is of its body and its day; it marks the item and the register shows the meeting.
        Map<String, Object> decision = new HashMap<>(Map.of(
                "body",
                "SUPERVISORY_BOARD",
                "decidedOn",
                today.minusDays(1).toString(),
                "outcome",
                "APPROVED",
                "meetingId",
                meeting));
        as(DECIDER)
                .body(decision)
                .when()
                .post("/projects/" + project + "/decisions")
                .then()
                .statusCode(400)
                .body("detail", containsString("AR-Sitzung " + tag));
        decision.put("decidedOn", today.toString());
        decision.put("body", "ADMINISTRATIVE_HEADS");
        as(DECIDER)
                .body(decision)
                .when()
                .post("/projects/" + project + "/decisions")
                .then()
                .statusCode(400);
        decision.put("body", "SUPERVISORY_BOARD");
        decision.put("meetingId", UUID.randomUUID().toString());
        as(DECIDER)
                .body(decision)
                .when()
                .post("/projects/" + project + "/decisions")
                .then()
                .statusCode(400);
        as(VIEWER).when().get("/projects/" + project).then().body("status", equalTo("PROPOSED"));
        decision.put("meetingId", meeting);
        String decided = as(DECIDER)
                .body(decision)
                .when()
                .post("/projects/" + project + "/decisions")
                .then()
                .statusCode(201)
                .body("meetingId", equalTo(meeting))
                .extract()
                .path("id");
        assertEquals("DECIDED", item(meeting, project).get("status"));
        assertEquals(decided, item(meeting, project).get("decisionId"));
        assertEquals(List.of(decided), detail(meeting).getList("decisions.id"));
        as(VIEWER).when().get("/decisions/" + decided).then().body("meetingId", equalTo(meeting));
        assertTrue(markdownOf("/agenda-items/" + projectItem + "/paper/markdown")
                .contains("## Beschluss\n\ngenehmigt am"));

        // A membership decision memberships-service took in the meeting arrives as an event and marks its item.
        Map<String, Object> taken = Api.membershipDecision(
                UUID.randomUUID().toString(), "JOIN", "APPROVED", "U" + tag, membership, today.toString(), null);
        taken.put("meetingId", meeting);
        Api.publish(
                MEMBERSHIPS,
                "/ostsee-kooperation/memberships-service",
                EventTypes.DECISION_TAKEN,
                membership.toString(),
                "Membership",
                taken);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "DECIDED".equals(item(meeting, membership.toString()).get("status")));

        // The invitation: a mail with the agenda, through the reminders' table.
        as(COORDINATOR)
                .when()
                .post("/board-meetings/" + meeting + "/invitation")
                .then()
                .statusCode(200)
                .body("meeting.invitations", equalTo(1));
        reminders.run(today);
        await().atMost(Duration.ofSeconds(10)).until(() -> invitation(tag) != null);
        MimeMessage mail = invitation(tag);
        String text = mail.getContent().toString();
        assertTrue(mail.getSubject().contains("Einladung: AR-Sitzung " + tag), mail.getSubject());
        assertTrue(text.contains("Ort: Kiel, Haus der Wirtschaft"), text);
        assertTrue(text.contains(": Fährverbindung Kiel–Göteborg " + tag), text);
        assertTrue(text.contains("/meetings/" + meeting), text);

        // The minutes, on the meeting's day.
        as(COORDINATOR)
                .contentType("application/octet-stream")
                .queryParam("filename", "Protokoll.txt")
                .body(("Protokoll der AR-Sitzung " + tag + "\n").getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/board-meetings/" + meeting + "/minutes")
                .then()
                .statusCode(201);
        JsonPath filed = detail(meeting);
        assertTrue(filed.getBoolean("meeting.minutesFiled"));
        assertEquals(List.of("Protokoll.txt"), filed.getList("minutes.filename"));

        // Every change published the whole meeting (its reminder of open questions is keyed by it too);
        // the last one has the decided items.
        List<ConsumerRecord<String, String>> events = Api.events(
                        meeting,
                        rs -> rs.stream()
                                .anyMatch(r -> r.value().replace(" ", "").contains("\"minutesFiled\":true")))
                .stream()
                .filter(r -> EventTypes.BOARD_MEETING_CHANGED.equals(Api.type(r)))
                .toList();
        assertTrue(events.size() >= 8, "planned, items added, reordered, decided, invited, minutes: " + events.size());
        JsonPath last = JsonPath.from(events.get(events.size() - 1).value());
        assertTrue(last.getList("agenda.decisionId").contains(decided), last.prettify());
        assertTrue(last.getBoolean("minutesFiled"));
        assertTrue(
                last.getLong("version") > JsonPath.from(events.get(0).value()).getLong("version"),
                "every change counts up the version");
    }

    private static MimeMessage invitation(String tag) throws Exception {
        for (MimeMessage m : MailTestResource.mail().getReceivedMessages()) {
            if (m.getSubject().contains("Einladung: AR-Sitzung " + tag)) {
                return m;
            }
        }
        return null;
    }

    @Test
    void anItemMovesToALaterMeetingAndTheRulesHold() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(de.kielregion.kooperation.platform.text.Wording.ZONE);
        String first = meeting(today.plusDays(10), "AR-Sitzung " + tag + "/1");
        String second = meeting(today.plusDays(40), "AR-Sitzung " + tag + "/2");
        String empty = meeting(today.plusDays(50), "AR-Sitzung " + tag + "/3");
        String question = Api.membershipQuestion("Beitritt zu CPMR " + tag + "?", List.of());
        as(COORDINATOR)
                .body(Map.of("subjectType", "OPEN_QUESTION", "subjectId", question))
                .when()
                .post("/board-meetings/" + first + "/agenda")
                .then()
                .statusCode(200);
        String itemId = (String) item(first, question).get("id");

        as(COORDINATOR)
                .body(Map.of("toMeetingId", first))
                .when()
                .post("/agenda-items/" + itemId + "/move")
                .then()
                .statusCode(400);
        as(COORDINATOR)
                .body(Map.of("toMeetingId", second, "reason", "Unterlagen fehlen"))
                .when()
                .post("/agenda-items/" + itemId + "/move")
                .then()
                .statusCode(200)
                .body("agenda", org.hamcrest.Matchers.empty())
                .body("moved[0].movedTo", equalTo(second))
                .body("moved[0].movedToLabel", equalTo("AR-Sitzung " + tag + "/2"))
                .body("moved[0].moveReason", equalTo("Unterlagen fehlen"));
        Map<String, Object> there = item(second, question);
        assertEquals("OPEN", there.get("status"));
        assertEquals("Verschoben von „AR-Sitzung " + tag + "/1“: Unterlagen fehlen", there.get("note"));
        as(COORDINATOR)
                .body(Map.of("toMeetingId", empty))
                .when()
                .post("/agenda-items/" + itemId + "/move")
                .then()
                .statusCode(409);
        List<String> actions = as(VIEWER)
                .when()
                .get("/history/BoardMeeting/" + first)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
        assertTrue(actions.contains("AgendaItemMovedAway"), actions.toString());

        // Refused in German: an invitation without an agenda, minutes before the day.
        as(COORDINATOR)
                .header("Accept-Language", "de")
                .when()
                .post("/board-meetings/" + empty + "/invitation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Tagesordnung ist leer"));
        as(COORDINATOR)
                .header("Accept-Language", "de")
                .contentType("application/octet-stream")
                .queryParam("filename", "Protokoll.txt")
                .body("Protokoll\n".getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/board-meetings/" + second + "/minutes")
                .then()
                .statusCode(409)
                .body("detail", containsString("ab dem Sitzungstag"));
        as(COORDINATOR)
                .body(Map.of("body", "SUPERVISORY_BOARD", "meetsOn", "2020-01-01"))
                .when()
                .post("/board-meetings")
                .then()
                .statusCode(400);
    }

    @Test
    void aFocusPartnersPaperShowsItsPlaceInThePotentialAnalysis() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID aarhus = Api.partner("Aarhus " + tag, "DK");
        UUID goteborg = Api.partner("Göteborg " + tag, "SE");
        UUID area = UUID.randomUUID();
        Map<String, Object> changed = new HashMap<>();
        changed.put("id", area.toString());
        changed.put("name", "Korridor Hamburg–Oslo " + tag);
        changed.put("memberIds", List.of(aarhus.toString(), goteborg.toString()));
        changed.put("version", 3);
        changed.put(
                "ranking",
                List.of(
                        Map.of(
                                "partnerId",
                                goteborg.toString(),
                                "name",
                                "Göteborg " + tag,
                                "rank",
                                1,
                                "weightedTotal",
                                4.2,
                                "complete",
                                true),
                        Map.of(
                                "partnerId",
                                aarhus.toString(),
                                "name",
                                "Aarhus " + tag,
                                "rank",
                                2,
                                "weightedTotal",
                                3.333,
                                "complete",
                                false)));
        Api.publish(
                Api.PARTNERS_TOPIC,
                "/ostsee-kooperation/partners-service",
                EventTypes.COOPERATION_AREA_CHANGED,
                area.toString(),
                "CooperationArea",
                changed);
        String meeting = meeting(LocalDate.now().plusDays(20), "AR-Sitzung " + tag);
        as(COORDINATOR)
                .body(Map.of("subjectType", "PARTNER", "subjectId", aarhus.toString()))
                .when()
                .post("/board-meetings/" + meeting + "/agenda")
                .then()
                .statusCode(200);
        String item = (String) item(meeting, aarhus.toString()).get("id");
        assertEquals(
                "Schwerpunktpartner Aarhus " + tag,
                item(meeting, aarhus.toString()).get("title"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        markdownOf("/agenda-items/" + item + "/paper/markdown").contains("Rang 2 von 2"));
        String paper = markdownOf("/agenda-items/" + item + "/paper/markdown");
        assertTrue(
                paper.contains("Kooperationsraum „Korridor Hamburg–Oslo " + tag
                        + "“: Rang 2 von 2, gewichtete Punktzahl 3,33 von 5 (nicht in allen Kriterien bewertet)"),
                paper);
        assertTrue(paper.contains("zum Schwerpunktpartner der KielRegion bestimmt"), paper);
    }

    @Test
    void everyOperationNamesItsRoles() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.now().plusDays(30);
        as(VIEWER)
                .body(Map.of("body", "SUPERVISORY_BOARD", "meetsOn", day.toString()))
                .when()
                .post("/board-meetings")
                .then()
                .statusCode(403);
        String meeting = meeting(day, "AR-Sitzung " + tag);
        as(KIEL).body(Map.of("subjectType", "OTHER", "title", "Bericht der Stadt"))
                .when()
                .post("/board-meetings/" + meeting + "/agenda")
                .then()
                .statusCode(403);
        as(DECIDER)
                .when()
                .post("/board-meetings/" + meeting + "/agenda/pending")
                .then()
                .statusCode(403);
        as(KIEL).when().get("/board-meetings/agenda-candidates").then().statusCode(403);
        as(VIEWER)
                .when()
                .post("/board-meetings/" + meeting + "/invitation")
                .then()
                .statusCode(403);
        as(KIEL).when().get("/board-meetings/" + meeting).then().statusCode(200);
        as(VIEWER).when().get("/board-meetings/" + UUID.randomUUID()).then().statusCode(404);
    }
}
