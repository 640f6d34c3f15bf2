package de.kielregion.kooperation.contracts.partners;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.partner.registered.v1} and {@code cooperation.partner.updated.v1}
 * (key: partner id): the partner's whole state; a consumer applies it only when its
 * {@code version} is newer than what it keeps.
 *
 * @param type CITY, REGION, DISTRICT, AGENCY, UNIVERSITY, CHAMBER, NETWORK_SECRETARIAT, COMPANY
 * @param country ISO 3166-1 alpha-2
 * @param status ACTIVE or RETIRED
 * @param urbanisation CITY, TOWN or RURAL (EU degree of urbanisation); null when not classified
 *        (added after v1: an older event reads as null)
 */
public record PartnerChanged(
        UUID id,
        String name,
        String localName,
        String type,
        String country,
        String nutsCode,
        Coordinates coordinates,
        String website,
        List<String> themes,
        UUID parentRegionId,
        String status,
        Instant createdAt,
        Instant updatedAt,
        long version,
        String urbanisation) {

    /** Where the partner is, for maps. */
    public record Coordinates(BigDecimal latitude, BigDecimal longitude) {}
}
