package de.kielregion.kooperation.projects.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuickWinTest {

    @Test
    void workedExample() {
        // impact 5, effort 2, starts in 3 months, 50 % funded:
        // 0.35·(4/4) + 0.25·(3/4) + 0.25·(1 − 3/24) + 0.15·0.5 = 0.35 + 0.1875 + 0.21875 + 0.075 = 0.83125 → 83.1
        assertEquals(new BigDecimal("83.1"), QuickWin.score(2, 5, 3, 50));
        // impact 3, effort 4, starts in 30 months (no speed bonus), unfunded:
        // 0.35·0.5 + 0.25·0.25 + 0 + 0 = 0.2375 → 23.8 (half up)
        assertEquals(new BigDecimal("23.8"), QuickWin.score(4, 3, 30, 0));
        // The best and the worst case.
        assertEquals(new BigDecimal("100.0"), QuickWin.score(1, 5, 0, 100));
        assertEquals(new BigDecimal("0.0"), QuickWin.score(5, 1, 60, 0));
    }

    @Test
    void noScoreWithoutAllInputs() {
        assertNull(QuickWin.score(null, 5, 3, 50));
        assertNull(QuickWin.score(2, 5, 3, null));
    }
}
