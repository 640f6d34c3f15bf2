package de.kielregion.kooperation.memberships.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class NoticeDeadlinesTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void lastNoticeDayClampsToMonthEndsAndLeapDays() {
        assertEquals(d("2025-02-28"), NoticeDeadlines.lastNoticeDay(d("2025-05-31"), Period.ofMonths(3)));
        assertEquals(d("2024-02-29"), NoticeDeadlines.lastNoticeDay(d("2024-05-31"), Period.ofMonths(3)));
        assertEquals(d("2024-02-29"), NoticeDeadlines.lastNoticeDay(d("2024-05-29"), Period.ofMonths(3)));
        assertEquals(d("2025-02-28"), NoticeDeadlines.lastNoticeDay(d("2025-03-31"), Period.ofMonths(1)));
        assertEquals(d("2027-02-28"), NoticeDeadlines.lastNoticeDay(d("2028-02-29"), Period.ofYears(1)));
        assertEquals(d("2025-12-02"), NoticeDeadlines.lastNoticeDay(d("2026-01-01"), Period.ofDays(30)));
    }

    @Test
    void renewalsAreCountedFromTheFirstSoMonthEndsSurvive() {
        // Monthly from 31 January: 29 Feb (2024 is a leap year), then 31 March, not 29 March.
        assertEquals(d("2024-02-29"), NoticeDeadlines.nextRenewal(d("2024-01-31"), 1, d("2024-02-01")));
        assertEquals(d("2024-03-31"), NoticeDeadlines.nextRenewal(d("2024-01-31"), 1, d("2024-03-01")));
        // Yearly from a leap day: 28 Feb in common years, 29 Feb again in 2028.
        assertEquals(d("2026-02-28"), NoticeDeadlines.nextRenewal(d("2024-02-29"), 12, d("2025-03-01")));
        assertEquals(d("2028-02-29"), NoticeDeadlines.nextRenewal(d("2024-02-29"), 12, d("2027-03-01")));
        assertEquals(d("2024-02-29"), NoticeDeadlines.nextRenewal(d("2024-02-29"), 12, d("2024-02-29")));
    }

    @Test
    void noticeTakesEffectAtTheFirstRenewalWhoseDeadlineHasNotPassed() {
        // Renewal 31 Dec, three months' notice: the last day is 30 September.
        assertEquals(
                d("2025-12-31"),
                NoticeDeadlines.endForNoticeOn(d("2025-12-31"), 12, Period.ofMonths(3), d("2025-09-30")));
        assertEquals(
                d("2026-12-31"),
                NoticeDeadlines.endForNoticeOn(d("2025-12-31"), 12, Period.ofMonths(3), d("2025-10-01")));
        // Years later the cycle still follows the first renewal date.
        assertEquals(
                d("2030-12-31"),
                NoticeDeadlines.endForNoticeOn(d("2025-12-31"), 12, Period.ofMonths(3), d("2030-01-15")));
    }
}
