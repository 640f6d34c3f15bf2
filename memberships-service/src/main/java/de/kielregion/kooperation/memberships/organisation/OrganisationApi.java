package de.kielregion.kooperation.memberships.organisation;

import de.kielregion.kooperation.platform.validation.HttpUrl;
import de.kielregion.kooperation.platform.validation.IsoCountry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class OrganisationApi {

    private OrganisationApi() {}

    public enum FeeModelType {
        /** One yearly fee for every member. */
        FLAT,
        /** The yearly fee depends on the member's population. */
        POPULATION_BAND
    }

    @Schema(
            description =
                    "A population band: members with fromPopulation ≤ population < toPopulation (open if null) pay fee")
    public record Band(
            @NotNull @Min(0) Long fromPopulation,
            @Min(1) Long toPopulation,

            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal fee) {}

    @Schema(description = "How the organisation charges its members, in EUR per year")
    public record FeeModel(
            @NotNull FeeModelType type,

            @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal flatFee,

            @Size(max = 30) List<@Valid @NotNull Band> bands) {}

    @Schema(description = "An organisation to register, or the full new state of one (PUT)")
    public record OrganisationRequest(
            @NotBlank @Size(max = 300) @Schema(example = "Union of the Baltic Cities")
            String name,

            @NotBlank
            @Size(max = 30)
            @Pattern(regexp = "[A-Za-z0-9&.-]+( [A-Za-z0-9&.-]+)*", message = "{ostsee.memberships.acronym}")
            @Schema(example = "UBC")
            String acronym,

            @NotNull @Schema(example = "CITY_NETWORK") OrganisationKind kind,

            @HttpUrl @Size(max = 500) @Schema(example = "https://www.ubc.net")
            String website,

            @NotNull @IsoCountry @Schema(example = "PL") String seatCountry,
            @Size(max = 4000) String description,
            @NotNull @Valid FeeModel feeModel,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> themes,
            @Size(max = 100) List<@NotBlank @Size(max = 200) String> workingGroups,
            @Size(max = 1000) List<@NotNull UUID> memberPartnerIds,
            Long version) {}

    @Schema(description = "A member partner with its name from partners-service (null until known there)")
    public record MemberPartner(UUID id, String name, String status) {}

    public record OrganisationView(
            UUID id,
            String name,
            String acronym,
            OrganisationKind kind,
            String website,
            String seatCountry,
            String description,
            FeeModel feeModel,
            List<String> themes,
            List<String> workingGroups,
            List<UUID> memberPartnerIds,
            List<MemberPartner> memberPartners,
            Instant createdAt,
            Instant updatedAt,
            long version) {}
}
