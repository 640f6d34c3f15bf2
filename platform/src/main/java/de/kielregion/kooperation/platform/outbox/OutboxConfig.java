package de.kielregion.kooperation.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay ({@code ostsee.outbox.*}). */
@ConfigMapping(prefix = "ostsee.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all (several instances may; one relays at a time). */
    @WithDefault("true")
    boolean enabled();

    /** The topic this service publishes to, {@code cooperation.<service>.v1}. */
    String topic();

    /** The CloudEvents source of this service's events, e.g. {@code /ostsee-kooperation/partners-service}. */
    String source();

    /** The most rows published in one relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for rows even when nothing woke it (after a crash or outage). */
    @WithDefault("1s")
    Duration sweepInterval();

    /** How long the relay waits for the broker to acknowledge a batch before retrying it. */
    @WithDefault("20s")
    Duration sendTimeout();

    /** The longest pause between retries while the broker is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long published rows are kept before they are pruned. */
    @WithDefault("7d")
    Duration retention();

    /** How often published rows older than the retention are deleted. */
    @WithDefault("1h")
    Duration pruneInterval();
}
