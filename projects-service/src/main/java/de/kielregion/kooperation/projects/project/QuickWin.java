package de.kielregion.kooperation.projects.project;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The quick-win score of measure 2 ("focus on projects that can be implemented quickly"),
 * 0 to 100, one decimal:
 *
 * <pre>
 * 100 × (0.35 × (impact − 1) / 4          impact 1 (low) … 5 (high)
 *      + 0.25 × (5 − effort) / 4          effort 1 (low) … 5 (high)
 *      + 0.25 × max(0, 1 − months / 24)   months until it can start, 0 … 60
 *      + 0.15 × fundingSecured / 100)     share of the funding secured, 0 … 100 %
 * </pre>
 *
 * Impact weighs most; a project that cannot start within two years gets nothing for speed.
 */
public final class QuickWin {

    private QuickWin() {}

    /** The score, or null when an input is missing. */
    public static BigDecimal score(Integer effort, Integer impact, Integer monthsToStart, Integer fundingSecured) {
        if (effort == null || impact == null || monthsToStart == null || fundingSecured == null) {
            return null;
        }
        BigDecimal four = BigDecimal.valueOf(4);
        BigDecimal impactPart = BigDecimal.valueOf(impact - 1L)
                .divide(four, 10, RoundingMode.HALF_UP)
                .multiply(new BigDecimal("0.35"));
        BigDecimal effortPart = BigDecimal.valueOf(5L - effort)
                .divide(four, 10, RoundingMode.HALF_UP)
                .multiply(new BigDecimal("0.25"));
        BigDecimal speed = BigDecimal.ONE
                .subtract(BigDecimal.valueOf(monthsToStart).divide(BigDecimal.valueOf(24), 10, RoundingMode.HALF_UP))
                .max(BigDecimal.ZERO);
        BigDecimal speedPart = speed.multiply(new BigDecimal("0.25"));
        BigDecimal fundingPart = BigDecimal.valueOf(fundingSecured)
                .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP)
                .multiply(new BigDecimal("0.15"));
        return impactPart
                .add(effortPart)
                .add(speedPart)
                .add(fundingPart)
                .multiply(BigDecimal.valueOf(100))
                .setScale(1, RoundingMode.HALF_UP);
    }
}
