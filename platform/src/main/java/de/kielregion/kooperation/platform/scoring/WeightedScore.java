package de.kielregion.kooperation.platform.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The weighted mean used by every evaluation of the suite (potential analysis, membership
 * cost-benefit): {@code Σ(weight × score) / Σ weight}, two decimals, rounded half up.
 */
public final class WeightedScore {

    /** One criterion's weight and score. */
    public record Part(BigDecimal weight, BigDecimal score) {}

    private WeightedScore() {}

    public static BigDecimal total(List<Part> parts) {
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (Part p : parts) {
            weights = weights.add(p.weight());
            sum = sum.add(p.weight().multiply(p.score()));
        }
        if (weights.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return sum.divide(weights, 2, RoundingMode.HALF_UP);
    }
}
