package de.kielregion.kooperation.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness reports the relay's view of the broker: the outbox backlog, and since when the
 * broker has been unreachable. It stays UP while the broker is down, on purpose: the service
 * keeps taking writes (they wait in the outbox), so taking it out of the load balancer would
 * turn a broker outage into an outage of the API. Liveness is not touched.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    OutboxHealth(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay")
                .up()
                .withData("topic", config.topic())
                .withData("backlog", relay.backlog());
        Instant since = relay.failingSince();
        if (since == null) {
            return response.withData("broker", "reachable").build();
        }
        return response.withData("broker", "unreachable since " + since + "; events wait in the outbox")
                .withData("lastFailure", String.valueOf(relay.lastFailure()))
                .build();
    }
}
