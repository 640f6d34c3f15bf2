package de.kielregion.kooperation.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the idempotent consumer helper ({@code ostsee.inbox.*}). */
@ConfigMapping(prefix = "ostsee.inbox")
public interface InboxConfig {

    /** How often an event whose effect fails is tried before it goes to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** The pause before the first retry; it doubles with each further one. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /**
     * Whether consecutive events of replica routes in a poll are applied as a run (loaded at once,
     * one flush; see {@link EventRoutes#replicate}); false applies every event on its own, as
     * before (for a side-by-side measurement, or should a run ever misbehave).
     */
    @WithDefault("true")
    boolean replicaRuns();
}
