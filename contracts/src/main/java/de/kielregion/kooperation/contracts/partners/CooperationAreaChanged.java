package de.kielregion.kooperation.contracts.partners;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.cooperation-area.changed.v1} (key: area id): a cooperation area, the partners
 * in it and, once its potential analysis is saved, their ranking (also published when the
 * analysis is saved again).
 *
 * @param ranking the potential analysis's ranking as of this change, best first; null while the
 *     area has no analysis (added after v1 was first published: older events lack it)
 */
public record CooperationAreaChanged(
        UUID id, String name, String description, List<UUID> memberIds, long version, List<Ranked> ranking) {

    /**
     * A partner's place in the potential analysis.
     *
     * @param rank 1 for the best; ties share a rank (1, 2, 2, 4)
     * @param weightedTotal the weighted score, 0 to 5
     * @param complete whether every criterion was scored for the partner
     */
    public record Ranked(UUID partnerId, String name, int rank, BigDecimal weightedTotal, boolean complete) {}
}
