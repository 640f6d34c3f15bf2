package de.kielregion.kooperation.memberships.funding;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.resources.AllocationChanged;
import de.kielregion.kooperation.memberships.membership.MembershipFunding;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
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

    /** The event types it reacts to; the topic's others are acknowledged without a transaction. */
    static final Set<String> TYPES = Set.of(EventTypes.RESOURCES_ALLOCATED, EventTypes.ALLOCATION_REJECTED);

    private final Inbox inbox;
    private final MembershipFunding memberships;
    private final ObjectMapper mapper;

    FundingConsumer(Inbox inbox, MembershipFunding memberships, ObjectMapper mapper) {
        this.mapper = mapper;
        this.inbox = inbox;
        this.memberships = memberships;
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.handle(message, TYPES, this::apply);
    }

    void apply(IncomingEvent event) {
        if (!EventTypes.RESOURCES_ALLOCATED.equals(event.type())
                && !EventTypes.ALLOCATION_REJECTED.equals(event.type())) {
            return; // releases and project events do not change a membership
        }
        AllocationChanged allocation = event.dataAs(AllocationChanged.class, mapper);
        if (!"MEMBERSHIP".equals(allocation.subjectType())) {
            return;
        }
        if (allocation.subjectId() == null) {
            throw new MalformedEventException("event " + event.id() + " names no membership");
        }
        memberships.applyFundingAnswer(
                allocation.subjectId(),
                allocation.requestId(),
                EventTypes.RESOURCES_ALLOCATED.equals(event.type()),
                EventTypes.RESOURCES_ALLOCATED.equals(event.type()) ? null : allocation.reason());
    }
}
