package de.kielregion.kooperation.projects.strategy;

import static de.kielregion.kooperation.projects.Api.COORDINATOR;
import static de.kielregion.kooperation.projects.Api.as;
import static de.kielregion.kooperation.projects.Api.partner;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.infra.testing.MailTestResource;
import de.kielregion.kooperation.platform.reminders.Reminders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Next steps coming due and postponed decisions coming back reach the coordinators and decision-makers by mail. */
@QuarkusTest
class ProjectRemindersTest {

    @Inject
    Reminders reminders;

    private static Map<String, MimeMessage> mails(String tag) throws Exception {
        Map<String, MimeMessage> found = new LinkedHashMap<>();
        for (MimeMessage m : MailTestResource.mail().getReceivedMessages()) {
            if (m.getSubject().contains(tag)) {
                found.putIfAbsent(m.getMessageID(), m);
            }
        }
        return found;
    }

    @Test
    void aNextStepDueAndADeferredDecisionComingBack() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now().plusDays(60); // the round runs two months from now
        String project = as(COORDINATOR)
                .body(Map.of(
                        "title",
                        "Fährhafen " + tag,
                        "partners",
                        List.of(Map.of("partnerId", partner("Kiel " + tag, "DE").toString(), "role", "PARTNER"))))
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(COORDINATOR)
                .body(Map.of(
                        "title",
                        "Förderantrag einreichen " + tag,
                        "owner",
                        "KielRegion",
                        "dueDate",
                        today.plusDays(5).toString(),
                        "projectId",
                        project))
                .when()
                .post("/next-steps")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + project + "/status")
                .then()
                .statusCode(200);
        as(de.kielregion.kooperation.projects.Api.DECIDER)
                .body(Map.of(
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        LocalDate.now().toString(),
                        "outcome",
                        "DEFERRED",
                        "revisitOn",
                        today.plusDays(1).toString()))
                .when()
                .post("/projects/" + project + "/decisions")
                .then()
                .statusCode(201);

        as(COORDINATOR)
                .body(Map.of("text", "Wer vertritt KielRegion bei UBC " + tag + "?"))
                .when()
                .post("/open-questions")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of(
                        "body",
                        "SUPERVISORY_BOARD",
                        "meetsOn",
                        today.plusDays(10).toString(),
                        "title",
                        "AR-Sitzung " + tag))
                .when()
                .post("/board-meetings")
                .then()
                .statusCode(201);
        as(COORDINATOR)
                .body(Map.of("body", "SUPERVISORY_BOARD", "meetsOn", "2020-01-01"))
                .when()
                .post("/board-meetings")
                .then()
                .statusCode(400);

        Reminders.Round first = reminders.run(today);
        reminders.run(today);
        assertEquals(0, first.failed(), "the mail server accepted every reminder: " + first);

        // The SMTP server stores what it accepted on its own threads: wait for it, then count.
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(tag).size() >= 3);
        Map<String, MimeMessage> mails = mails(tag);
        assertEquals(3, mails.size(), mails.keySet().toString());
        MimeMessage meeting = mails.values().stream()
                .filter(m -> subject(m).contains("AR-Sitzung " + tag))
                .findFirst()
                .orElseThrow();
        assertTrue(
                meeting.getContent().toString().contains("Wer vertritt KielRegion bei UBC " + tag),
                "the open questions before the board meets: " + meeting.getContent());
        MimeMessage step = mails.values().stream()
                .filter(m -> subject(m).contains("Förderantrag"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                subject(step)
                        .contains(today.plusDays(5).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))),
                subject(step));
        MimeMessage revisit = mails.values().stream()
                .filter(m -> subject(m).contains("Wiedervorlage"))
                .findFirst()
                .orElseThrow();
        List<String> to =
                Arrays.stream(revisit.getAllRecipients()).map(Address::toString).toList();
        assertTrue(
                to.contains("aufsichtsrat@kielregion.example") && to.contains("koordination@kielregion.example"),
                to.toString());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
