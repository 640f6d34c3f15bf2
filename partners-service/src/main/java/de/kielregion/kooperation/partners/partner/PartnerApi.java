package de.kielregion.kooperation.partners.partner;

import de.kielregion.kooperation.platform.validation.HttpUrl;
import de.kielregion.kooperation.platform.validation.IsoCountry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The partner API's representations; entities never leave the service. */
public final class PartnerApi {

    private PartnerApi() {}

    @Schema(description = "WGS 84 coordinates")
    public record Coordinates(
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(example = "56.1629")
            BigDecimal latitude,

            @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(example = "10.2039")
            BigDecimal longitude) {}

    @Schema(description = "A partner to register, or the full new state of one (PUT)")
    public record PartnerRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Aarhus")
            String name,

            @Size(max = 200) @Schema(example = "Aarhus Kommune")
            String localName,

            @NotNull @Schema(example = "CITY") PartnerType type,
            @NotNull @IsoCountry @Schema(example = "DK") String country,

            @Pattern(regexp = "[A-Z]{2}[A-Z0-9]{0,3}", message = "{ostsee.partners.nuts-code}")
            @Schema(example = "DK042")
            String nutsCode,

            @Valid Coordinates coordinates,

            @HttpUrl @Size(max = 500) @Schema(example = "https://www.aarhus.dk")
            String website,

            @Size(max = 50) List<@NotBlank @Size(max = 100) String> themes,

            @Schema(description = "A partner of type REGION or DISTRICT this partner belongs to")
            UUID parentRegionId,

            @Schema(
                    description = "Degree of urbanisation of its territory (EU DEGURBA): CITY, TOWN (towns and"
                            + " suburbs) or RURAL; leave it out for a whole region",
                    example = "CITY")
            Urbanisation urbanisation,

            @Schema(description = "The version this update is based on, if no If-Match header is sent")
            Long version) {}

    public record PartnerView(
            UUID id,
            String name,
            String localName,
            PartnerType type,
            String country,
            String nutsCode,
            Coordinates coordinates,
            String website,
            List<String> themes,
            UUID parentRegionId,
            Urbanisation urbanisation,
            PartnerStatus status,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        public static PartnerView of(Partner p) {
            return new PartnerView(
                    p.id,
                    p.name,
                    p.localName,
                    p.type,
                    p.country,
                    p.nutsCode,
                    p.latitude == null ? null : new Coordinates(p.latitude, p.longitude),
                    p.website,
                    List.copyOf(new java.util.TreeSet<>(p.themes)),
                    p.parentRegionId,
                    p.urbanisation,
                    p.status,
                    p.createdAt,
                    p.updatedAt,
                    p.version);
        }
    }

    @Schema(description = "A contact person at a partner (personal data: only what is needed)")
    public record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String role,
            @Email @Size(max = 320) String email,

            @Pattern(regexp = "\\+?[0-9 ()/-]{4,39}", message = "{ostsee.partners.phone}")
            String phone,

            Long version) {}

    public record ContactView(
            UUID id, UUID partnerId, String name, String role, String email, String phone, long version) {

        public static ContactView of(ContactPerson c) {
            return new ContactView(c.id, c.partnerId, c.name, c.role, c.email, c.phone, c.version);
        }
    }
}
