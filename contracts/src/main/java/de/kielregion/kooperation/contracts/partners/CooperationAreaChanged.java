package de.kielregion.kooperation.contracts.partners;

import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.cooperation-area.changed.v1} (key: area id): a cooperation area and the
 * partners in it.
 */
public record CooperationAreaChanged(UUID id, String name, String description, List<UUID> memberIds, long version) {}
