package de.kielregion.kooperation.memberships.funding;

import com.fasterxml.jackson.databind.JsonNode;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.memberships.membership.MembershipService;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * projects-service's answers to fee requests: ResourcesAllocated makes a membership that
 * waits for funding ACTIVE; AllocationRejected keeps it waiting with the reason visible. Only
 * allocations for memberships concern this service; everything else is ignored.
 */
@ApplicationScoped
public class FundingConsumer {

    static final String ALLOCATED = EventTypes.RESOURCES_ALLOCATED;
    static final String REJECTED = EventTypes.ALLOCATION_REJECTED;

    private final Inbox inbox;
    private final MembershipService memberships;

    FundingConsumer(Inbox inbox, MembershipService memberships) {
        this.inbox = inbox;
        this.memberships = memberships;
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.handle(message, this::apply);
    }

    void apply(IncomingEvent event) {
        JsonNode data = event.data();
        if (!"MEMBERSHIP".equals(data.path("subjectType").asText())) {
            return;
        }
        UUID membership;
        UUID request;
        try {
            membership = UUID.fromString(data.path("subjectId").asText());
            request = data.hasNonNull("requestId")
                    ? UUID.fromString(data.get("requestId").asText())
                    : null;
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " names no valid membership or request id");
        }
        switch (event.type()) {
            case ALLOCATED -> memberships.applyFundingAnswer(membership, request, true, null);
            case REJECTED ->
                memberships.applyFundingAnswer(
                        membership, request, false, data.path("reason").asText(null));
            default -> {
                // releases and project events do not change a membership
            }
        }
    }
}
