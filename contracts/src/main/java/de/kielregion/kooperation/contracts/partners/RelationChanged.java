package de.kielregion.kooperation.contracts.partners;

import de.kielregion.kooperation.contracts.Shareholder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.relation.changed.v1} (key: relation id): a relation between a shareholder
 * and a partner was created or changed, also by a focus-partner decision.
 *
 * @param kind TWIN_CITY, FOCUS_PARTNER, PROJECT_PARTNER, NETWORK_CONTACT, OTHER
 * @param status PROSPECT, ACTIVE, DORMANT, ENDED
 */
public record RelationChanged(
        UUID id,
        Shareholder shareholder,
        UUID partnerId,
        String kind,
        String status,
        LocalDate since,
        LocalDate until,
        List<String> themes,
        String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
