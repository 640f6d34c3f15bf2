package de.kielregion.kooperation.partners.interest;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.validation.IsoCountry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class InterestApi {

    private InterestApi() {}

    @Schema(description = "The themes and geographies a shareholder cares about (its whole state)")
    public record InterestRequest(
            @NotNull
            @Size(max = 50)
            @Schema(
                    description = "Theme names, matched ignoring case and accents",
                    examples = "[\"Mobilität ländlicher Raum\"]")
            List<@NotBlank @Size(max = 100) String> themes,

            @NotNull @Size(max = 30) @Schema(examples = "[\"DK\", \"SE\"]")
            List<@NotNull @IsoCountry String> countries,

            @NotNull
            @Size(max = 50)
            @Schema(
                    description = "Partners (regions, districts, cities) whose territory counts, with the"
                            + " partners that belong to them")
            List<@NotNull UUID> regionIds,

            @Schema(description = "The version this update is based on, if no If-Match header is sent")
            Long version) {}

    public record RegionRef(UUID id, String name, String country) {}

    @Schema(name = "ShareholderInterests")
    public record InterestView(
            Shareholder shareholder,
            List<String> themes,
            List<String> countries,
            List<RegionRef> regions,
            Instant updatedAt,
            long version) {}
}
