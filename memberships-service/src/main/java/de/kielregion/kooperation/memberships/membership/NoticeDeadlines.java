package de.kielregion.kooperation.memberships.membership;

import java.time.LocalDate;
import java.time.Period;

/**
 * Renewal and notice dates. A membership renews every {@code termMonths} from its first
 * renewal date (each renewal counted from the first, so 31 January stays the last day of
 * its month); notice must be given by the renewal date minus the notice period. Month
 * arithmetic clamps to the month's last day (31 May − 3 months = 28 or 29 February).
 */
public final class NoticeDeadlines {

    private static final int MAX_TERMS = 10_000;

    private NoticeDeadlines() {}

    /** The first renewal date on or after {@code day}. */
    public static LocalDate nextRenewal(LocalDate firstRenewal, int termMonths, LocalDate day) {
        for (int k = 0; k < MAX_TERMS; k++) {
            LocalDate renewal = renewal(firstRenewal, termMonths, k);
            if (!renewal.isBefore(day)) {
                return renewal;
            }
        }
        throw new IllegalArgumentException("renewal too far in the future");
    }

    /** The last day to give notice so that the membership ends at {@code renewal}. */
    public static LocalDate lastNoticeDay(LocalDate renewal, Period noticePeriod) {
        return renewal.minus(noticePeriod);
    }

    /** The renewal at which a notice given on {@code noticeDay} ends the membership. */
    public static LocalDate endForNoticeOn(
            LocalDate firstRenewal, int termMonths, Period noticePeriod, LocalDate noticeDay) {
        for (int k = 0; k < MAX_TERMS; k++) {
            LocalDate renewal = renewal(firstRenewal, termMonths, k);
            if (!lastNoticeDay(renewal, noticePeriod).isBefore(noticeDay)) {
                return renewal;
            }
        }
        throw new IllegalArgumentException("renewal too far in the future");
    }

    private static LocalDate renewal(LocalDate first, int termMonths, int k) {
        return first.plusMonths((long) k * termMonths);
    }
}
