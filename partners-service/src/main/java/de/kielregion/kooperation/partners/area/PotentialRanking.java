package de.kielregion.kooperation.partners.area;

import de.kielregion.kooperation.partners.area.AreaApi.Criterion;
import de.kielregion.kooperation.partners.area.AreaApi.RankedPartner;
import de.kielregion.kooperation.partners.area.AreaApi.Score;
import de.kielregion.kooperation.platform.scoring.WeightedScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ranking of a potential analysis: each partner's weighted total is
 * {@link WeightedScore#total} (0 to 5); higher first, ties
 * share a rank (1, 2, 2, 4) and are listed by name. A computed criterion takes the partner's
 * number of existing ties, at most 5.
 */
public final class PotentialRanking {

    static final BigDecimal MAX_SCORE = BigDecimal.valueOf(5);

    private PotentialRanking() {}

    /**
     * @param partners member partners, id → name
     * @param ties per partner, the number of active relations and activities
     */
    public static List<RankedPartner> rank(
            List<Criterion> criteria, List<Score> scores, Map<UUID, String> partners, Map<UUID, Long> ties) {
        Map<UUID, Map<String, BigDecimal>> given = new HashMap<>();
        for (Score s : scores) {
            given.computeIfAbsent(s.partnerId(), k -> new HashMap<>()).put(s.criterion(), s.score());
        }
        List<RankedPartner> unranked = new ArrayList<>();
        for (Map.Entry<UUID, String> partner : partners.entrySet()) {
            Map<String, BigDecimal> row = new LinkedHashMap<>();
            boolean complete = true;
            List<WeightedScore.Part> parts = new ArrayList<>();
            for (Criterion c : criteria) {
                BigDecimal score;
                if (c.computed()) {
                    score = BigDecimal.valueOf(ties.getOrDefault(partner.getKey(), 0L))
                            .min(MAX_SCORE);
                } else {
                    score = given.getOrDefault(partner.getKey(), Map.of()).get(c.key());
                    if (score == null) {
                        complete = false;
                        score = BigDecimal.ZERO;
                    }
                }
                row.put(c.key(), score);
                parts.add(new WeightedScore.Part(c.weight(), score));
            }
            BigDecimal total = WeightedScore.total(parts);
            unranked.add(new RankedPartner(0, partner.getKey(), partner.getValue(), total, row, complete));
        }
        unranked.sort(Comparator.comparing(RankedPartner::weightedTotal)
                .reversed()
                .thenComparing(RankedPartner::partnerName)
                .thenComparing(RankedPartner::partnerId));
        List<RankedPartner> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            RankedPartner p = unranked.get(i);
            int rank = i > 0 && p.weightedTotal().compareTo(unranked.get(i - 1).weightedTotal()) == 0
                    ? ranked.get(i - 1).rank()
                    : i + 1;
            ranked.add(new RankedPartner(
                    rank, p.partnerId(), p.partnerName(), p.weightedTotal(), p.scores(), p.complete()));
        }
        return ranked;
    }
}
