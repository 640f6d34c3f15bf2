package de.kielregion.kooperation.projects.membership;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.JsonNode;

import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.inbox.Inbox;
import de.kielregion.kooperation.projects.budget.Allocation.SubjectType;
import de.kielregion.kooperation.projects.budget.BudgetService;
import de.kielregion.kooperation.projects.budget.Category;
import de.kielregion.kooperation.projects.decision.DecisionService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * memberships-service's events: a fee request is booked on its MEMBERSHIP_FEES line (or
 * refused) and answered with ResourcesAllocated / AllocationRejected; a decision enters the
 * register and may resolve a linked open question. Other types are ignored; each event has
 * one effect (inbox, and the request id makes the booking idempotent on its own as well).
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String RESOURCES_REQUESTED = "cooperation.resources.requested.v1";
    static final String DECISION_TAKEN = "cooperation.decision.taken.v1";

    private final Inbox inbox;
    private final BudgetService budget;
    private final DecisionService decisions;

    MembershipEventsConsumer(Inbox inbox, BudgetService budget, DecisionService decisions) {
        this.inbox = inbox;
        this.budget = budget;
        this.decisions = decisions;
    }

    @Incoming("memberships")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.handle(message, this::apply);
    }

    void apply(IncomingEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case RESOURCES_REQUESTED -> {
                Category category;
                try {
                    category = Category.valueOf(data.path("category").asText());
                } catch (IllegalArgumentException e) {
                    throw new MalformedEventException("fee request " + event.id() + " names no budget category");
                }
                UUID requestId;
                UUID subjectId;
                BigDecimal amount;
                try {
                    requestId = UUID.fromString(data.path("requestId").asText());
                    subjectId = UUID.fromString(data.path("subjectId").asText());
                    amount = new BigDecimal(data.path("amount").asText()).setScale(2, java.math.RoundingMode.UNNECESSARY);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new MalformedEventException("fee request " + event.id() + " has no valid ids or amount");
                }
                if (amount.signum() <= 0 || amount.precision() > 14) {
                    throw new MalformedEventException("fee request " + event.id() + " asks for " + amount);
                }
                budget.allocateForRequest(requestId, SubjectType.MEMBERSHIP, subjectId,
                        data.path("subjectName").asText(null), data.path("year").asInt(), category, amount);
            }
            case DECISION_TAKEN -> decisions.registerExternal(event);
            default -> {
                // organisations, proposals, status and fee changes do not concern projects-service
            }
        }
    }
}
