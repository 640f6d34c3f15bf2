package de.kielregion.kooperation.memberships.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.resources.AllocationChanged;
import de.kielregion.kooperation.memberships.membership.MembershipFunding;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.inbox.EventRoutes;
import de.kielregion.kooperation.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * projects-service's answers to fee requests: ResourcesAllocated makes a membership that
 * waits for funding ACTIVE; AllocationRejected keeps it waiting with the reason visible. Only
 * allocations for memberships concern this service; everything else is ignored.
 */
@ApplicationScoped
public class FundingConsumer {

    private final Inbox inbox;
    private final MembershipFunding memberships;
    private final EventRoutes routes;

    FundingConsumer(Inbox inbox, MembershipFunding memberships, ObjectMapper mapper) {
        this.inbox = inbox;
        this.memberships = memberships;
        this.routes = EventRoutes.builder(mapper)
                .on(EventTypes.RESOURCES_ALLOCATED, AllocationChanged.class, a -> answer(a, true))
                .on(EventTypes.ALLOCATION_REJECTED, AllocationChanged.class, a -> answer(a, false))
                .build();
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, routes);
    }

    /** projects-service's answer to a fee request: allocated, or rejected with its reason. */
    private void answer(AllocationChanged allocation, boolean allocated) {
        if (!"MEMBERSHIP".equals(allocation.subjectType())) {
            return;
        }
        if (allocation.subjectId() == null) {
            throw new MalformedEventException("allocation " + allocation.requestId() + " names no membership");
        }
        memberships.applyFundingAnswer(
                allocation.subjectId(), allocation.requestId(), allocated, allocated ? null : allocation.reason());
    }
}
