package de.kielregion.kooperation.webhooks.subscription;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.reminders.Due;
import de.kielregion.kooperation.platform.reminders.Reminders;
import de.kielregion.kooperation.platform.security.Caller;
import de.kielregion.kooperation.platform.security.Roles;
import de.kielregion.kooperation.platform.web.Idempotency;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import de.kielregion.kooperation.webhooks.WebhooksConfig;
import de.kielregion.kooperation.webhooks.security.SecretBox;
import de.kielregion.kooperation.webhooks.security.TargetPolicy;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.AttemptView;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.ReplayView;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.SubscriptionRequest;
import de.kielregion.kooperation.webhooks.subscription.SubscriptionApi.SubscriptionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The subscriptions: made, read and changed by their owners (a shareholder's IT client sees and
 * changes only its own, an admin all), and the delivery's two verdicts (disable, unsubscribe).
 */
@ApplicationScoped
public class Subscriptions {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'");

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final SecretBox secrets;
    private final TargetPolicy targets;
    private final WebhooksConfig config;
    private final Reminders reminders;
    private final Wakeup wakeup;
    private final TransactionSynchronizationRegistry transactions;

    Subscriptions(
            EntityManager em,
            ChangeLog changeLog,
            Caller caller,
            SecretBox secrets,
            TargetPolicy targets,
            WebhooksConfig config,
            Reminders reminders,
            Wakeup wakeup,
            TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
        this.secrets = secrets;
        this.targets = targets;
        this.config = config;
        this.reminders = reminders;
        this.wakeup = wakeup;
    }

    /**
     * A new subscription with its secret. Sent again with the same {@code idempotencyKey} (within
     * 24 hours, by the same caller, with the same body) it answers with the same subscription and
     * secret, decrypted from the subscription (no secret is kept in plain text for the retry).
     */
    @Transactional
    public Created create(SubscriptionRequest request, String idempotencyKey) {
        Shareholder owner = ownShareholder();
        String key = keyHash(idempotencyKey);
        String fingerprint = hash(String.join(
                "\n",
                String.valueOf(request.targetUrl()),
                String.valueOf(request.eventTypes()),
                String.valueOf(request.shareholder()),
                String.valueOf(request.contentMode()),
                String.valueOf(request.description())));
        if (key != null) {
            List<Subscription> earlier = em.createQuery(
                            "SELECT s FROM Subscription s WHERE s.createKey = :key AND s.createdAt > :since",
                            Subscription.class)
                    .setParameter("key", key)
                    .setParameter("since", Instant.now().minus(Duration.ofHours(Idempotency.RETENTION_HOURS)))
                    .getResultList();
            if (!earlier.isEmpty()) {
                Subscription s = earlier.get(0);
                if (!fingerprint.equals(s.createFingerprint)) {
                    throw ProblemException.refusal("idempotency.key-reused")
                            .with("hours", Idempotency.RETENTION_HOURS)
                            .unprocessable(Idempotency.HEADER);
                }
                return new Created(
                        view(s, pending(List.of(s.id)).getOrDefault(s.id, 0L), secrets.decrypt(s.secret)), true);
            }
        }
        if (owner != null && request.shareholder() != null && request.shareholder() != owner) {
            throw ProblemException.refusal("webhook.foreign-shareholder")
                    .with("own", owner)
                    .with("shareholder", request.shareholder())
                    .forbidden();
        }
        List<String> types = EventTypePatterns.check(request.eventTypes());
        targets.check(request.targetUrl().strip());
        String secret = SecretBox.newSecret();
        Subscription s = Subscription.create(
                caller.subject(),
                owner == null ? null : owner.name(),
                request.targetUrl().strip(),
                types,
                request.shareholder() == null ? null : request.shareholder().name(),
                request.contentMode(),
                request.description() == null || request.description().isBlank()
                        ? null
                        : request.description().strip(),
                secrets.encrypt(secret),
                Instant.now());
        if (key != null) {
            // The same key used again after its 24 hours makes a new subscription.
            em.createQuery("UPDATE Subscription s SET s.createKey = NULL WHERE s.createKey = :key")
                    .setParameter("key", key)
                    .executeUpdate();
        }
        s.createKey = key;
        s.createFingerprint = fingerprint;
        em.persist(s);
        changeLog.record(s.created());
        return new Created(view(s, 0, secret), false);
    }

    /** A subscription just made (or, for a retry, made before) with its secret. */
    public record Created(SubscriptionView view, boolean replayed) {}

    public Page<SubscriptionView> list(PageQuery paging) {
        Shareholder owner = ownShareholder();
        String where = owner == null ? "" : " WHERE s.ownerShareholder = :owner";
        var query = em.createQuery(
                        "SELECT s FROM Subscription s" + where + " ORDER BY s.createdAt DESC, s.id", Subscription.class)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size());
        var count = em.createQuery("SELECT count(s) FROM Subscription s" + where, Long.class);
        if (owner != null) {
            query.setParameter("owner", owner.name());
            count.setParameter("owner", owner.name());
        }
        List<Subscription> found = query.getResultList();
        Map<UUID, Long> pending = pending(found.stream().map(s -> s.id).toList());
        return Page.of(
                found.stream()
                        .map(s -> view(s, pending.getOrDefault(s.id, 0L), null))
                        .toList(),
                paging,
                count.getSingleResult());
    }

    public SubscriptionView get(UUID id) {
        Subscription s = find(id);
        return view(s, pending(List.of(id)).getOrDefault(id, 0L), null);
    }

    @Transactional
    public SubscriptionView pause(UUID id) {
        Subscription s = findForUpdate(id);
        record(s.pause(Instant.now()));
        return get(id);
    }

    /** Resumes it; what waits is due at once and the give-up time starts anew. */
    @Transactional
    public SubscriptionView resume(UUID id) {
        Subscription s = findForUpdate(id);
        Change change = s.resume(Instant.now());
        if (change != null) {
            em.createNativeQuery("UPDATE webhook_delivery SET next_attempt_at = now(), first_attempt_at = NULL"
                            + " WHERE subscription_id = ?1 AND status = 'PENDING'")
                    .setParameter(1, id)
                    .executeUpdate();
            record(change);
            afterCommit();
        }
        return get(id);
    }

    /**
     * A new secret; the one before signs too until the grace period ends. Sent again with the
     * same {@code idempotencyKey} it answers with the secret that rotation made (if no other
     * rotation came since).
     */
    @Transactional
    public SubscriptionView rotateSecret(UUID id, String idempotencyKey) {
        Subscription s = findForUpdate(id);
        String key = keyHash(idempotencyKey);
        if (key != null && key.equals(s.rotateKey)) {
            return view(s, pending(List.of(id)).getOrDefault(id, 0L), secrets.decrypt(s.secret));
        }
        String secret = SecretBox.newSecret();
        Instant now = Instant.now();
        changeLog.record(s.rotateSecret(secrets.encrypt(secret), now.plus(config.secretGrace()), now));
        s.rotateKey = key;
        return view(s, pending(List.of(id)).getOrDefault(id, 0L), secret);
    }

    private String keyHash(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        if (idempotencyKey.length() > Idempotency.MAX_KEY_LENGTH) {
            throw ProblemException.invalid(
                    Idempotency.HEADER, "must be at most " + Idempotency.MAX_KEY_LENGTH + " characters");
        }
        return hash(caller.subject() + "\n" + idempotencyKey);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void delete(UUID id) {
        Subscription s = findForUpdate(id);
        changeLog.record(Change.historyOnly(s, "WebhookSubscriptionDeleted"));
        em.remove(s);
    }

    /** Every stored event since {@code from} that the subscription wants, delivered again. */
    @Transactional
    public ReplayView replay(UUID id, Instant requested) {
        Instant now = Instant.now();
        if (requested.isAfter(now)) {
            throw ProblemException.refusal("webhook.replay-from-future").invalid("from");
        }
        // Nothing older than the retention is kept: a replay from further back starts there.
        Instant kept = now.minus(config.eventRetention());
        Instant from = requested.isBefore(kept) ? kept : requested;
        Subscription s = findForUpdate(id);
        int events = em.createNativeQuery(Queue.REPLAY)
                .setParameter(1, id)
                .setParameter(2, Timestamp.from(from))
                .executeUpdate();
        changeLog.record(
                Change.historyOnly(s, "WebhookReplayRequested").withHistory(Map.of("from", from, "events", events)));
        afterCommit();
        return new ReplayView(id, from, events);
    }

    /** The subscription's attempts, newest first. */
    public Page<AttemptView> attempts(UUID id, PageQuery paging) {
        find(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, event_id, event_type, attempt, attempted_at, outcome, status_code, latency_ms,"
                                + " response, error FROM webhook_attempt WHERE subscription_id = ?1"
                                + " ORDER BY id DESC OFFSET ?2 LIMIT ?3")
                .setParameter(1, id)
                .setParameter(2, paging.offset())
                .setParameter(3, paging.size())
                .getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM webhook_attempt WHERE subscription_id = ?1")
                        .setParameter(1, id)
                        .getSingleResult())
                .longValue();
        return Page.of(
                rows.stream()
                        .map(r -> new AttemptView(
                                ((Number) r[0]).longValue(),
                                (String) r[1],
                                (String) r[2],
                                ((Number) r[3]).intValue(),
                                r[4] instanceof Timestamp t ? t.toInstant() : (Instant) r[4],
                                (String) r[5],
                                r[6] == null ? null : ((Number) r[6]).intValue(),
                                ((Number) r[7]).intValue(),
                                (String) r[8],
                                (String) r[9]))
                        .toList(),
                paging,
                total);
    }

    /** The receiver answered 410 Gone: no more deliveries until its owner resumes it. */
    @Transactional
    public void receiverUnsubscribed(UUID id, int attempt) {
        Subscription s = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s != null) {
            record(s.unsubscribedByReceiver(
                    "Der Empfänger hat mit HTTP-Status 410 abbestellt (Zustellversuch " + attempt + ").",
                    Instant.now()));
        }
    }

    /** No attempt succeeded since {@code since}: disabled, and its owner mailed (in German). */
    @Transactional
    public void giveUp(UUID id, Instant since, String lastError) {
        Subscription s = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return;
        }
        Instant now = Instant.now();
        Change change = s.disable("Keine erfolgreiche Zustellung seit " + GERMAN.format(since.atZone(ZONE)) + ".", now);
        if (change == null) {
            return;
        }
        record(change);
        String audience = s.ownerShareholder == null ? Roles.COORDINATOR : "shareholder-" + s.ownerShareholder;
        String text = "Das Webhook-Abonnement " + s.id + " (" + s.targetUrl + ") wurde deaktiviert: seit "
                + GERMAN.format(since.atZone(ZONE)) + " hat der Empfänger keine Zustellung angenommen."
                + (lastError == null ? "" : "\nLetzter Fehler: " + lastError)
                + "\n\nDie nicht zugestellten Ereignisse bleiben gespeichert. Sobald der Empfänger wieder"
                + " erreichbar ist, setzen Sie das Abonnement fort (POST /webhook-subscriptions/" + s.id
                + "/resume oder im Portal unter „Webhooks“); dann wird alles Ausstehende zugestellt.";
        LocalDate today = LocalDate.now(ZONE);
        reminders.mail(
                new Due(
                        "WEBHOOK_DISABLED",
                        Subscription.AGGREGATE,
                        s.id.toString(),
                        "Webhook-Abonnement deaktiviert",
                        today,
                        text,
                        List.of(audience)),
                "WEBHOOK_DISABLED:" + s.id + ":" + now,
                "Webhook-Abonnement deaktiviert: " + s.targetUrl,
                today);
    }

    private void record(Change change) {
        if (change != null) {
            changeLog.record(change);
        }
    }

    private void afterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                wakeup.signal();
            }
        });
    }

    /** The caller's shareholder when it writes as a shareholder's client; null for an admin. */
    private Shareholder ownShareholder() {
        if (caller.hasRole(Roles.ADMIN)) {
            return null;
        }
        return caller.shareholder()
                .orElseThrow(() -> ProblemException.refusal("shareholder.claim-missing")
                        .with("claim", Caller.SHAREHOLDER_CLAIM)
                        .forbidden());
    }

    /** The subscription if the caller may see it (a foreign one is as unknown: 404). */
    private Subscription find(UUID id) {
        Subscription s = em.find(Subscription.class, id);
        return visible(s, id);
    }

    private Subscription findForUpdate(UUID id) {
        Subscription s = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
        return visible(s, id);
    }

    private Subscription visible(Subscription s, UUID id) {
        Shareholder owner = ownShareholder();
        if (s == null || owner != null && !owner.name().equals(s.ownerShareholder)) {
            throw ProblemException.notFound("WebhookSubscription", id);
        }
        return s;
    }

    private Map<UUID, Long> pending(List<UUID> ids) {
        Map<UUID, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT subscription_id, count(*) FROM webhook_delivery"
                        + " WHERE status = 'PENDING' AND subscription_id = ANY (?1) GROUP BY subscription_id")
                .setParameter(1, ids.toArray(UUID[]::new))
                .getResultList();
        for (Object[] r : rows) {
            counts.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    private SubscriptionView view(Subscription s, long pending, String secret) {
        return new SubscriptionView(
                s.id,
                s.targetUrl,
                List.of(s.eventTypes),
                s.shareholder == null ? null : Shareholder.valueOf(s.shareholder),
                s.contentMode,
                s.description,
                s.status,
                s.statusReason,
                s.ownerShareholder == null ? null : Shareholder.valueOf(s.ownerShareholder),
                pending,
                s.previousSecretValid(Instant.now()) ? s.previousSecretUntil : null,
                s.createdAt,
                s.updatedAt,
                s.version,
                secret);
    }
}
