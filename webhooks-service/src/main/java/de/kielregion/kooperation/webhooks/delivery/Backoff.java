package de.kielregion.kooperation.webhooks.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delay before the next attempt: {@code initial} doubled per failed attempt up to {@code
 * max}, of which a random part between a half and the whole is taken ("equal jitter": receivers
 * that fail together are not hit together again, and no delay is shorter than half its step).
 */
public record Backoff(Duration initial, Duration max) {

    public Duration after(int failedAttempts) {
        long step = initial.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 30);
        long capped = Math.min(step <= 0 ? Long.MAX_VALUE : step, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
