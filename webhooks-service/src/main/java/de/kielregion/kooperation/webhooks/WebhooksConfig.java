package de.kielregion.kooperation.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the delivery ({@code ostsee.webhooks.*}); the module's README explains each. */
@ConfigMapping(prefix = "ostsee.webhooks")
public interface WebhooksConfig {

    /** The longest one attempt may take, from connecting to the answer's end. */
    Duration timeout();

    Retry retry();

    /** Whether plain HTTP to loopback addresses is allowed (the local stack and tests only). */
    boolean allowLoopbackHttp();

    /** How long the secret before a rotation stays valid. */
    Duration secretGrace();

    /** How long events are kept for replays. */
    Duration eventRetention();

    /** The AES-256 key (base64 of 32 bytes) that encrypts the subscriptions' secrets at rest. */
    String secretKey();

    /** The most deliveries on their way at once. */
    @WithDefault("256")
    int maxInFlight();

    /** How often the dispatcher looks for due deliveries when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a claimed delivery stays with the instance that claimed it (then another may try). */
    @WithDefault("60s")
    Duration lease();

    interface Retry {
        /** The first retry's delay; each next one doubles it, with jitter. */
        Duration initial();

        /** The longest delay between two attempts. */
        Duration max();

        /** After this long without a successful attempt the subscription is disabled. */
        Duration giveUpAfter();
    }
}
