package de.kielregion.kooperation.platform.reminders;

import de.kielregion.kooperation.contracts.DeadlineApproaching;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reminders that reach people: on every round (every {@code reminders.every}, e.g. 15m; "off" in
 * the tests and where no mail server is set) each {@link ReminderSource} of the service reports its
 * deadlines; for each, the nearest lead time that has come (e.g. 30 of 90/30/7 days) makes one
 * reminder. It is recorded with a unique key (kind, subject, deadline, lead) together with its
 * {@code DeadlineApproaching} event in one transaction, so a restart or a second replica finds it
 * and records nothing again; then the pending reminders are mailed, each locked by the replica
 * sending it ({@code FOR UPDATE SKIP LOCKED}) and marked SENT in the same transaction. A mail
 * server that refuses leaves the reminder PENDING for the next round.
 */
@ApplicationScoped
public class Reminders {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Logger LOG = Logger.getLogger(Reminders.class);

    private final Instance<ReminderSource> sources;
    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Mailer mailer;
    private final RemindersConfig config;
    private final MeterRegistry metrics;

    Reminders(
            Instance<ReminderSource> sources,
            EntityManager em,
            ChangeLog changeLog,
            Mailer mailer,
            RemindersConfig config,
            MeterRegistry metrics) {
        this.sources = sources;
        this.em = em;
        this.changeLog = changeLog;
        this.mailer = mailer;
        this.config = config;
        this.metrics = metrics;
    }

    /** What one round did. */
    public record Round(int recorded, int sent, int failed) {}

    @Scheduled(
            every = "${reminders.every:off}",
            delayed = "${reminders.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "reminders")
    void scheduled() {
        Round round = run(LocalDate.now(ZONE));
        if (round.recorded() + round.sent() + round.failed() > 0) {
            LOG.infof(
                    "Reminders: %d recorded, %d mailed, %d not accepted by the mail server (tried again next round)",
                    round.recorded(), round.sent(), round.failed());
        }
    }

    /** One round for {@code today}: records the reminders now due (each once), then mails the pending ones. */
    public Round run(LocalDate today) {
        int recorded = 0;
        for (ReminderSource source : sources) {
            List<Due> due = QuarkusTransaction.requiringNew().call(() -> source.due(today));
            for (Due d : due) {
                Integer lead = lead(d, today);
                if (lead != null && QuarkusTransaction.requiringNew().call(() -> record(d, lead, today))) {
                    recorded++;
                }
            }
        }
        int[] mailed = mailPending();
        return new Round(recorded, mailed[0], mailed[1]);
    }

    /** The nearest lead time that has come: the smallest of the kind's lead days not below the days left. */
    Integer lead(Due due, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, due.dueOn());
        if (daysLeft < 0) {
            return null;
        }
        List<Integer> leads = new ArrayList<>(config.leadDays().getOrDefault(due.kind(), config.defaultLeadDays()));
        leads.sort(Integer::compare);
        for (int lead : leads) {
            if (daysLeft <= lead) {
                return lead;
            }
        }
        return null;
    }

    /**
     * A mail that is no reminder (an invitation, say), sent like one: recorded as PENDING in this
     * transaction under {@code key} (once: a key recorded before records nothing) and mailed by
     * the next round, tried again until the mail server takes it. Returns whether it was recorded.
     */
    public boolean mail(Due due, String key, String subject, LocalDate today) {
        int lead = (int) Math.max(0, ChronoUnit.DAYS.between(today, due.dueOn()));
        String body = due.text() + "\n\n--\nOstsee-Kooperation, KielRegion\n";
        return insert(key, due, lead, subject, body);
    }

    private boolean insert(String key, Due due, int lead, String subject, String body) {
        Set<String> to = new LinkedHashSet<>();
        for (String audience : due.audience()) {
            to.addAll(config.recipients().getOrDefault(audience, List.of()));
        }
        return em.createNativeQuery(
                                "INSERT INTO reminder (key, kind, subject_type, subject_id, due_on,"
                                        + " lead_days, recipients, subject, body, status, attempts, created_at)"
                                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'PENDING', 0, ?10) ON CONFLICT (key) DO NOTHING")
                        .setParameter(1, key)
                        .setParameter(2, due.kind())
                        .setParameter(3, due.subjectType())
                        .setParameter(4, due.subjectId())
                        .setParameter(5, due.dueOn())
                        .setParameter(6, lead)
                        .setParameter(7, String.join(",", to))
                        .setParameter(8, subject)
                        .setParameter(9, body)
                        .setParameter(10, Instant.now())
                        .executeUpdate()
                > 0;
    }

    private boolean record(Due due, int lead, LocalDate today) {
        String key = due.kind() + ":" + due.subjectId() + ":" + due.dueOn() + ":" + lead;
        long daysLeft = ChronoUnit.DAYS.between(today, due.dueOn());
        String subject = "Erinnerung: " + due.title() + " – "
                + (daysLeft == 0
                        ? "heute"
                        : "am " + DATE.format(due.dueOn())
                                + (daysLeft == 1 ? " (morgen)" : " (in " + daysLeft + " Tagen)"));
        String body = due.title() + "\n\nFrist: " + DATE.format(due.dueOn()) + (daysLeft == 0 ? " (heute)" : "")
                + "\n\n" + due.text()
                + "\n\n--\nOstsee-Kooperation, KielRegion. Diese Erinnerung kommt einmal je Frist und Vorlauf ("
                + (lead == 1 ? "1 Tag" : lead + " Tage") + ").\n";
        if (!insert(key, due, lead, subject, body)) {
            return false; // recorded before: by an earlier round, or by the other replica
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("kind", due.kind());
        history.put("dueOn", due.dueOn());
        history.put("leadDays", lead);
        history.put("audience", due.audience());
        // The reminder's history is its own (keyed by its dedup key); its event is keyed by the
        // subject it reminds of, so that it stays in order with that subject's events.
        changeLog.record(new Change(
                "Reminder",
                key,
                "ReminderRecorded",
                EventTypes.DEADLINE_APPROACHING,
                due.subjectType(),
                due.subjectId(),
                () -> new DeadlineApproaching(
                        due.kind(),
                        due.subjectType(),
                        due.subjectId(),
                        due.title(),
                        due.dueOn(),
                        daysLeft,
                        List.copyOf(due.audience())),
                history));
        return true;
    }

    /**
     * Mails the pending reminders, a batch at a time, each held by this replica while it sends. It
     * goes on while batches come back full and something in them was settled (mailed, or recorded
     * as having nobody to mail to); a batch the mail server refused entirely waits for the next round.
     */
    private int[] mailPending() {
        int sent = 0;
        int failed = 0;
        while (true) {
            Batch batch = QuarkusTransaction.requiringNew().call(this::mailBatch);
            sent += batch.sent();
            failed += batch.failed();
            if (batch.size() < BATCH || batch.failed() == batch.size()) {
                return new int[] {sent, failed};
            }
        }
    }

    private static final int BATCH = 20;

    /** One batch: how many rows it held, how many were mailed, how many the mail server refused. */
    private record Batch(int size, int sent, int failed) {}

    @SuppressWarnings("unchecked")
    private Batch mailBatch() {
        List<Reminder> batch = em.createNativeQuery(
                        "SELECT * FROM reminder WHERE status = 'PENDING' AND attempts < ?1 ORDER BY created_at"
                                + " LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
                        Reminder.class)
                .setParameter(1, config.maxAttempts())
                .getResultList();
        int sent = 0;
        int failed = 0;
        for (Reminder r : batch) {
            if (r.recipients == null || r.recipients.isBlank()) {
                r.status = "SENT"; // nobody configured for its audience: nothing to mail, recorded all the same
                r.lastError = "no recipients configured";
                r.sentAt = Instant.now();
                continue;
            }
            try {
                send(Mail.withText(r.recipients.split(",")[0], r.subject, r.body)
                        .setTo(List.of(r.recipients.split(","))));
                r.status = "SENT";
                r.sentAt = Instant.now();
                sent++;
                metrics.counter("reminders.mailed", "kind", r.kind).increment();
            } catch (RuntimeException e) {
                r.attempts++;
                r.lastError = String.valueOf(e.getMessage());
                failed++;
                metrics.counter("reminders.failed", "kind", r.kind).increment();
                LOG.warnf("Reminder %s not accepted by the mail server (attempt %d): %s", r.key, r.attempts, e);
            }
        }
        return new Batch(batch.size(), sent, failed);
    }

    /**
     * Sends a mail; a 421 reply ("service not available, closing the channel": a server that
     * dropped an idle or busy connection) is tried once more at once, as SMTP asks. Any other
     * failure, or a second 421, is left to the next round.
     */
    private void send(Mail mail) {
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains(" 421 ")
                    && !(e.getCause() != null
                            && String.valueOf(e.getCause().getMessage()).contains(" 421 "))) {
                throw e;
            }
            LOG.debugf("The mail server answered 421; sending once more: %s", e.getMessage());
            mailer.send(mail);
        }
    }
}
