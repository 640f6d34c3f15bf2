package de.kielregion.kooperation.contracts.memberships;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.organisation.registered.v1} and {@code cooperation.organisation.updated.v1}
 * (key: organisation id): the organisation's whole state. The names of its member partners are
 * partners-service's, not part of it.
 *
 * @param kind CITY_NETWORK, REGIONAL_COOPERATION, ASSOCIATION, PLATFORM, OTHER
 */
public record OrganisationChanged(
        UUID id,
        String name,
        String acronym,
        String kind,
        String website,
        String seatCountry,
        String description,
        FeeModel feeModel,
        List<String> themes,
        List<String> workingGroups,
        List<UUID> memberPartnerIds,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * How the organisation charges its members, in EUR per year.
     *
     * @param type FLAT or POPULATION_BAND
     */
    public record FeeModel(String type, BigDecimal flatFee, List<Band> bands) {}

    /** Members with fromPopulation ≤ population < toPopulation (open if null) pay fee. */
    public record Band(Long fromPopulation, Long toPopulation, BigDecimal fee) {}
}
