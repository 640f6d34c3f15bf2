package de.kielregion.kooperation.contracts.partners;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code cooperation.partner.retired.v1} (key: partner id): a partner is no longer active; it
 * stays referenced, never deleted.
 *
 * @param status always RETIRED
 */
public record PartnerRetired(UUID id, String name, String status, Instant retiredAt) {}
