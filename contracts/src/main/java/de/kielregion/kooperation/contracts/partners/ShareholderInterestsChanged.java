package de.kielregion.kooperation.contracts.partners;

import de.kielregion.kooperation.contracts.Shareholder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.shareholder-interests.changed.v1} (key: the shareholder): the themes and
 * geographies a shareholder cares about (the workshop's open question on the shareholders'
 * interests), its whole state; a consumer applies it only when {@code version} is newer.
 *
 * @param themes names of themes (fields of action), matched ignoring case and accents
 * @param countries ISO 3166-1 alpha-2 codes
 * @param regionIds partners (regions, districts, cities) whose territory counts, with the partners
 *        that belong to them
 */
public record ShareholderInterestsChanged(
        Shareholder shareholder,
        List<String> themes,
        List<String> countries,
        List<UUID> regionIds,
        Instant updatedAt,
        long version) {}
