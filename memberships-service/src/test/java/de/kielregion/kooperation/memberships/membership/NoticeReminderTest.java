package de.kielregion.kooperation.memberships.membership;

import static de.kielregion.kooperation.memberships.Api.COORDINATOR;
import static de.kielregion.kooperation.memberships.Api.as;
import static de.kielregion.kooperation.memberships.Api.organisation;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.infra.testing.MailTestResource;
import de.kielregion.kooperation.memberships.Api;
import de.kielregion.kooperation.platform.reminders.Reminders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A notice deadline reaches people: a mail through a real SMTP server to the coordinators and the
 * member shareholder, once per deadline and lead time, also when two replicas run the round at
 * the same moment, and a DeadlineApproaching event for the others.
 */
@QuarkusTest
class NoticeReminderTest {

    @Inject
    Reminders reminders;

    /** The mails about an organisation: GreenMail keeps one copy per recipient, so one per message id. */
    private static List<MimeMessage> mailsAbout(String acronym) throws Exception {
        Map<String, MimeMessage> found = new java.util.LinkedHashMap<>();
        for (MimeMessage m : MailTestResource.mail().getReceivedMessages()) {
            if (m.getSubject().contains(acronym)) {
                found.putIfAbsent(m.getMessageID(), m);
            }
        }
        return new ArrayList<>(found.values());
    }

    @Test
    void aNoticeDeadlineIsMailedOncePerLeadTimeAndPublished() throws Exception {
        String acronym = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String org = organisation(acronym);
        LocalDate today = LocalDate.of(2030, 3, 1);
        // Renews on 2030-06-29, notice P3M: the last day to give notice is 2030-03-29, 28 days ahead.
        Map<String, Object> body = new HashMap<>();
        body.put("holder", "PLOEN");
        body.put("organisationId", org);
        body.put("status", "ACTIVE");
        body.put("startDate", "2029-06-29");
        body.put("renewalDate", "2030-06-29");
        body.put("noticePeriod", "P3M");
        body.put("yearlyFee", "1200.00");
        String id = as(COORDINATOR)
                .body(body)
                .when()
                .post("/memberships")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // Two replicas run the same round at the same moment.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Reminders.Round> round = () -> reminders.run(today);
        List<Future<Reminders.Round>> rounds = pool.invokeAll(List.of(round, round));
        pool.shutdown();
        int recorded = 0;
        for (Future<Reminders.Round> r : rounds) {
            recorded += r.get().recorded();
        }
        assertEquals(1, recorded, "one reminder for the 30-day lead, recorded once");
        reminders.run(today); // a later round (or a restart) records and mails nothing again
        reminders.run(today.plusDays(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsAbout(acronym).isEmpty());
        List<MimeMessage> mails = mailsAbout(acronym);
        assertEquals(1, mails.size(), "one mail");
        MimeMessage mail = mails.get(0);
        assertTrue(mail.getSubject().contains("29.03.2030"), mail.getSubject());
        List<String> to =
                Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList();
        assertTrue(to.contains("koordination@kielregion.example"), to.toString());
        assertTrue(to.contains("international@kreis-ploen.example"), "the member shareholder: " + to);
        // In the glossary's words: the member by name, dates and the fee as German writes them.
        String text = mail.getSubject() + "\n" + mail.getContent().toString().replace('\u00a0', ' ');
        assertTrue(text.contains("Mitglied: Kreis Plön"), text);
        assertTrue(text.contains("zum 29.06.2030"), text);
        assertTrue(text.contains("Jahresbeitrag 1.200,00 €"), text);
        assertFalse(text.matches("(?s).*\\b(PLOEN|EUR|\\d{4}-\\d{2}-\\d{2})\\b.*"), "no code, no ISO date: " + text);

        // 7 days before, the next lead time: one more.
        Reminders.Round sevenDays = reminders.run(LocalDate.of(2030, 3, 22));
        assertTrue(sevenDays.recorded() >= 1, "the 7-day reminder recorded: " + sevenDays);
        assertEquals(0, sevenDays.failed(), "the mail server accepted every reminder: " + sevenDays);
        // The SMTP server stores what it accepted on its own threads: wait for it, then count.
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsAbout(acronym).size() >= 2);
        assertEquals(2, mailsAbout(acronym).size());

        List<ConsumerRecord<String, String>> events = Api.events(
                id,
                rs -> rs.stream()
                                .filter(r -> EventTypes.DEADLINE_APPROACHING.equals(Api.type(r)))
                                .count()
                        >= 2);
        List<JsonNode> approaching = new ArrayList<>();
        for (ConsumerRecord<String, String> r : events) {
            if (EventTypes.DEADLINE_APPROACHING.equals(Api.type(r))) {
                approaching.add(new ObjectMapper().readTree(r.value()));
            }
        }
        assertEquals(2, approaching.size());
        assertEquals("NOTICE_DEADLINE", approaching.get(0).get("kind").asText());
        assertEquals("2030-03-29", approaching.get(0).get("dueOn").asText());
        assertEquals(28, approaching.get(0).get("daysLeft").asInt());
        assertEquals(7, approaching.get(1).get("daysLeft").asInt());
    }
}
