package de.kielregion.kooperation.webhooks.subscription;

import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A webhook subscription: where the events of some types go, in which content mode, signed with
 * which secret. Its rules: only an ACTIVE one is delivered to; pausing and resuming are the
 * owner's, disabling (no success for the give-up time) and unsubscribing (410 Gone) the
 * delivery's; a rotated secret leaves the one before valid for a grace period. Each rule returns
 * the change for the history; nothing of it is published (no other service needs it).
 */
@Entity
@Table(name = "webhook_subscription")
public class Subscription implements Aggregate {

    public static final String AGGREGATE = "WebhookSubscription";

    @Id
    public UUID id;

    @Column(name = "owner_subject")
    public String ownerSubject;

    @Column(name = "owner_shareholder")
    public String ownerShareholder;

    @Column(name = "target_url")
    public String targetUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    public String[] eventTypes;

    public String shareholder;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_mode")
    public ContentMode contentMode;

    public String description;

    @Enumerated(EnumType.STRING)
    public SubscriptionStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    public byte[] secret;

    @Column(name = "previous_secret")
    public byte[] previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "create_key")
    public String createKey;

    @Column(name = "create_fingerprint")
    public String createFingerprint;

    @Column(name = "rotate_key")
    public String rotateKey;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @Override
    public String aggregateType() {
        return AGGREGATE;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /** A new ACTIVE subscription with its (encrypted) secret. */
    public static Subscription create(
            String ownerSubject,
            String ownerShareholder,
            String targetUrl,
            List<String> eventTypes,
            String shareholder,
            ContentMode mode,
            String description,
            byte[] secret,
            Instant now) {
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.ownerSubject = ownerSubject;
        s.ownerShareholder = ownerShareholder;
        s.targetUrl = targetUrl;
        s.eventTypes = eventTypes.toArray(String[]::new);
        s.shareholder = shareholder;
        s.contentMode = mode == null ? ContentMode.STRUCTURED : mode;
        s.description = description;
        s.status = SubscriptionStatus.ACTIVE;
        s.secret = secret;
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /** The history of the creation (no secret in it). */
    public Change created() {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("targetUrl", targetUrl);
        history.put("eventTypes", List.of(eventTypes));
        history.put("shareholder", shareholder);
        history.put("contentMode", contentMode);
        return Change.historyOnly(this, "WebhookSubscriptionCreated").withHistory(history);
    }

    /** The owner pauses it; pausing a paused one changes nothing (null). */
    public Change pause(Instant now) {
        if (status == SubscriptionStatus.PAUSED) {
            return null;
        }
        return move(SubscriptionStatus.PAUSED, null, "WebhookSubscriptionPaused", now);
    }

    /** The owner resumes it (from PAUSED, DISABLED or UNSUBSCRIBED); an ACTIVE one changes nothing (null). */
    public Change resume(Instant now) {
        if (status == SubscriptionStatus.ACTIVE) {
            return null;
        }
        return move(SubscriptionStatus.ACTIVE, null, "WebhookSubscriptionResumed", now);
    }

    /** No attempt succeeded for the give-up time; null when it is no longer ACTIVE. */
    public Change disable(String reason, Instant now) {
        if (status != SubscriptionStatus.ACTIVE) {
            return null;
        }
        return move(SubscriptionStatus.DISABLED, reason, "WebhookSubscriptionDisabled", now);
    }

    /** The receiver answered 410 Gone; null when it is no longer ACTIVE. */
    public Change unsubscribedByReceiver(String reason, Instant now) {
        if (status != SubscriptionStatus.ACTIVE) {
            return null;
        }
        return move(SubscriptionStatus.UNSUBSCRIBED, reason, "WebhookSubscriptionUnsubscribed", now);
    }

    /** A new secret; the one before stays valid until {@code graceUntil}. */
    public Change rotateSecret(byte[] newSecret, Instant graceUntil, Instant now) {
        previousSecret = secret;
        previousSecretUntil = graceUntil;
        secret = newSecret;
        updatedAt = now;
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("previousSecretValidUntil", graceUntil);
        return Change.historyOnly(this, "WebhookSecretRotated").withHistory(history);
    }

    /** Whether the secret before the last rotation still signs at {@code now}. */
    public boolean previousSecretValid(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil);
    }

    private Change move(SubscriptionStatus to, String reason, String action, Instant now) {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("from", status);
        history.put("to", to);
        if (reason != null) {
            history.put("reason", reason);
        }
        status = to;
        statusReason = reason;
        updatedAt = now;
        return Change.historyOnly(this, action).withHistory(history);
    }
}
