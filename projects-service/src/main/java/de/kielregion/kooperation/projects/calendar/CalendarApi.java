package de.kielregion.kooperation.projects.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class CalendarApi {

    private CalendarApi() {}

    @Schema(description = "A calendar subscription to create")
    public record FeedRequest(
            @NotBlank @Size(max = 100) @Schema(example = "Outlook im Büro")
            String name) {}

    @Schema(
            name = "CalendarFeed",
            description = "A calendar subscription (the token only in the answer to its creation)")
    public record FeedView(
            UUID id,
            String name,
            String shareholder,
            Instant createdAt,
            Instant lastReadAt,

            @Schema(description = "Only when created: the address to subscribe to, with its secret token")
            String url) {}
}
