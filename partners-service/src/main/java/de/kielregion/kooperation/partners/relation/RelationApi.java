package de.kielregion.kooperation.partners.relation;

import de.kielregion.kooperation.contracts.Shareholder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class RelationApi {

    private RelationApi() {}

    @Schema(description = "A relation to create, or the full new state of one (PUT)")
    public record RelationRequest(
            @NotNull @Schema(example = "KIEL") Shareholder shareholder,
            @NotNull UUID partnerId,

            @NotNull @Schema(example = "TWIN_CITY", description = "FOCUS_PARTNER only through a decision")
            RelationKind kind,

            @NotNull @Schema(example = "ACTIVE") RelationStatus status,
            @Schema(example = "1964-01-01") LocalDate since,
            LocalDate until,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> themes,
            @Size(max = 2000) String note,
            Long version) {}

    public record RelationView(
            UUID id,
            Shareholder shareholder,
            UUID partnerId,
            RelationKind kind,
            RelationStatus status,
            LocalDate since,
            LocalDate until,
            List<String> themes,
            String note,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        public static RelationView of(Relation r) {
            return new RelationView(
                    r.id,
                    r.shareholder,
                    r.partnerId,
                    r.kind,
                    r.status,
                    r.since,
                    r.until,
                    List.copyOf(new java.util.TreeSet<>(r.themes)),
                    r.note,
                    r.createdAt,
                    r.updatedAt,
                    r.version);
        }
    }
}
