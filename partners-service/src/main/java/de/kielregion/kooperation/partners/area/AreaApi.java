package de.kielregion.kooperation.partners.area;

import de.kielregion.kooperation.partners.partner.PartnerStatus;
import de.kielregion.kooperation.partners.partner.PartnerType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AreaApi {

    /** The criterion whose scores are computed from relations and activities. */
    public static final String EXISTING_TIES = "existingTies";

    private AreaApi() {}

    @Schema(description = "A cooperation area to create, or the full new state of one (PUT)")
    public record AreaRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Korridor Hamburg–Oslo")
            String name,

            @Size(max = 4000) String description,
            @Size(max = 500) List<@NotNull UUID> memberIds,
            Long version) {}

    public record Member(UUID id, String name, PartnerType type, String country, PartnerStatus status) {}

    public record AreaView(
            UUID id,
            String name,
            String description,
            List<Member> members,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    @Schema(
            name = "AreaCriterion",
            description = "A criterion of the analysis. Its weight counts relative to the others. "
                    + "The criterion 'existingTies' may be computed: its score is then the number of active relations and "
                    + "shareholder activities with the partner, at most 5.")
    public record Criterion(
            @NotBlank
            @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_-]{0,49}", message = "{ostsee.partners.criterion-key}")
            @Schema(example = "strategicFit")
            String key,

            @NotBlank @Size(max = 200) @Schema(example = "Strategische Passung")
            String name,

            @NotNull
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("100")
            @Digits(integer = 3, fraction = 2)
            @Schema(example = "3")
            BigDecimal weight,

            boolean computed) {}

    @Schema(
            name = "AreaScore",
            description = "The score of one partner on one criterion, from 0 (none) to 5 (very high)")
    public record Score(
            @NotNull UUID partnerId,
            @NotBlank @Schema(example = "strategicFit") String criterion,

            @NotNull @DecimalMin("0") @DecimalMax("5") @Digits(integer = 1, fraction = 2) @Schema(example = "4")
            BigDecimal score) {}

    public record AnalysisRequest(
            @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Criterion> criteria,
            @NotNull @Size(max = 5000) List<@Valid @NotNull Score> scores,
            Long version) {}

    @Schema(
            description =
                    "One partner in the ranking: its scores per criterion and the weighted total "
                            + "(sum of weight × score over the sum of weights, 0 to 5). Missing scores count as 0 and make it incomplete.")
    public record RankedPartner(
            int rank,
            UUID partnerId,
            String partnerName,
            BigDecimal weightedTotal,
            Map<String, BigDecimal> scores,
            boolean complete) {}

    public record AnalysisView(
            UUID areaId,
            List<Criterion> criteria,
            List<Score> scores,
            List<RankedPartner> ranking,
            Instant updatedAt,
            long version) {}
}
