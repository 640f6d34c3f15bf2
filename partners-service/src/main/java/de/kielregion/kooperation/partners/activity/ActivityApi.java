package de.kielregion.kooperation.partners.activity;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.validation.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ActivityApi {

    public static final String EXTERNAL_ID = "[A-Za-z0-9._:~-]{1,200}";
    public static final int MAX_BULK = 20_000;

    private ActivityApi() {}

    @Schema(
            description = "An activity as the shareholder's system knows it; externalId is required in a bulk push "
                    + "and, in a single PUT, must match the URL if given")
    public record ActivityRequest(
            @Pattern(regexp = EXTERNAL_ID, message = "{ostsee.partners.external-id}") @Schema(example = "KI-2023-017")
            String externalId,

            @NotBlank @Size(max = 300) @Schema(example = "Städtepartnerschaft Kiel–Aarhus: Jugendaustausch")
            String title,

            @NotNull @Schema(example = "EXCHANGE") ActivityKind kind,

            @NotNull @Min(1900) @Max(2100) @Schema(example = "2023")
            Integer yearFrom,

            @Min(1900) @Max(2100) @Schema(example = "2024") Integer yearTo,
            @Size(max = 100) List<UUID> partnerIds,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> themes,
            @HttpUrl @Size(max = 500) String link) {}

    @Schema(description = "Up to " + MAX_BULK + " activities of one shareholder to create or update")
    public record BulkRequest(
            @NotNull @Size(min = 1, max = MAX_BULK) List<@Valid @NotNull ActivityRequest> activities) {}

    @Schema(name = "ActivityOutcome")
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record BulkResult(int received, int created, int updated, int unchanged) {}

    public record ActivityView(
            UUID id,
            Shareholder shareholder,
            String externalId,
            String title,
            ActivityKind kind,
            int yearFrom,
            Integer yearTo,
            List<UUID> partnerIds,
            List<String> themes,
            String link,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        public static ActivityView of(Activity a) {
            return new ActivityView(
                    a.id,
                    a.shareholder,
                    a.externalId,
                    a.title,
                    a.kind,
                    a.yearFrom,
                    a.yearTo,
                    List.copyOf(new java.util.TreeSet<>(a.partnerIds)),
                    List.copyOf(new java.util.TreeSet<>(a.themes)),
                    a.link,
                    a.createdAt,
                    a.updatedAt,
                    a.version);
        }
    }
}
