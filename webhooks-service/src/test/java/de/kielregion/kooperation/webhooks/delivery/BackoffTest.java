package de.kielregion.kooperation.webhooks.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDelayDoublesWithJitterUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1));
        for (int i = 0; i < 200; i++) {
            long first = backoff.after(1).toMillis();
            assertTrue(first >= 2_500 && first <= 5_000, "first: " + first);
            long fourth = backoff.after(4).toMillis();
            assertTrue(fourth >= 20_000 && fourth <= 40_000, "fourth: " + fourth);
            long late = backoff.after(40).toMillis();
            assertTrue(late >= 1_800_000 && late <= 3_600_000, "capped: " + late);
        }
        long sum = 0;
        int attempts = 0;
        while (sum < Duration.ofHours(24).toMillis()) {
            sum += backoff.after(++attempts).toMillis();
        }
        assertTrue(attempts >= 25 && attempts <= 60, "attempts in 24 h: " + attempts);
    }

    @Test
    void aReceiversRetryAfterIsReadInSecondsOrAsADate() {
        assertEquals(Duration.ofSeconds(120), Sender.retryAfter("120"));
        assertEquals(null, Sender.retryAfter("soon"));
        assertEquals(null, Sender.retryAfter(null));
        Duration date = Sender.retryAfter(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(10)));
        assertTrue(date.toSeconds() > 590 && date.toSeconds() <= 600, date.toString());
    }
}
