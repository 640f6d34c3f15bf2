package de.kielregion.kooperation.contracts.partners;

import de.kielregion.kooperation.contracts.Shareholder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.activity.upserted.v1} (key: activity id): a shareholder's activity was
 * created or changed (an unchanged push publishes nothing); newer versions win.
 *
 * @param kind PROJECT, PARTNERSHIP, EXCHANGE, EVENT, NETWORK_MEMBERSHIP, VISIT, OTHER
 */
public record ActivityUpserted(
        UUID id,
        Shareholder shareholder,
        String externalId,
        String title,
        String kind,
        int yearFrom,
        Integer yearTo,
        List<UUID> partnerIds,
        List<String> themes,
        String link,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
