package de.kielregion.kooperation.webhooks.subscription;

import de.kielregion.kooperation.contracts.Shareholder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the subscriptions API reads and writes. */
public final class SubscriptionApi {

    private SubscriptionApi() {}

    @Schema(name = "WebhookSubscriptionRequest")
    public record SubscriptionRequest(
            @Schema(
                    description = "Where the events go: https (plain http only to loopback in the local stack);"
                            + " it must resolve to public addresses only",
                    examples = "https://it.kiel.example/ostsee/events")
            @NotBlank
            @Size(max = 2000)
            String targetUrl,

            @Schema(
                    description = "Event types (GET /webhook-event-types), or prefixes ending in *",
                    examples = "[\"cooperation.project.*\", \"cooperation.decision.taken.v1\"]")
            @NotNull
            @Size(min = 1, max = 50)
            List<@NotBlank @Size(max = 200) String> eventTypes,

            @Schema(
                    description = "Only events concerning this shareholder; a shareholder's client may name"
                            + " only its own")
            Shareholder shareholder,

            @Schema(description = "STRUCTURED (default) or BINARY content mode of the CloudEvents HTTP binding")
            ContentMode contentMode,

            @Size(max = 500) String description) {}

    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(
            UUID id,
            String targetUrl,
            List<String> eventTypes,
            Shareholder shareholder,
            ContentMode contentMode,
            String description,
            SubscriptionStatus status,

            @Schema(description = "Why it is DISABLED or UNSUBSCRIBED")
            String statusReason,

            @Schema(description = "The shareholder whose client owns it; null for an admin's")
            Shareholder owner,

            @Schema(description = "Events waiting for delivery")
            long pending,

            @Schema(description = "Until when the secret before the last rotation still signs")
            Instant previousSecretValidUntil,

            Instant createdAt,
            Instant updatedAt,
            long version,

            @Schema(
                    description = "The signing secret: only in the answer that created the subscription or"
                            + " rotated its secret, never again")
            String secret) {}

    @Schema(name = "WebhookReplayRequest")
    public record ReplayRequest(
            @Schema(description = "Every stored event since this time is delivered again (same webhook-id)") @NotNull
            Instant from) {}

    @Schema(name = "WebhookReplay")
    public record ReplayView(
            UUID subscriptionId,

            @Schema(description = "Where the replay starts: the time asked for, or the oldest event kept (30 days)")
            Instant from,

            int events) {}

    @Schema(name = "WebhookAttempt")
    public record AttemptView(
            long id,
            String eventId,
            String eventType,
            int attempt,
            Instant attemptedAt,

            @Schema(description = "DELIVERED, FAILED, GONE (410: the receiver unsubscribed) or REFUSED (address)")
            String outcome,

            Integer statusCode,
            int latencyMs,
            @Schema(description = "The answer's first 1 KB") String response,
            String error) {}

    @Schema(name = "WebhookEventTypes")
    public record EventTypesView(List<String> types) {}
}
