package de.kielregion.kooperation.projects.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.memberships.MembershipChanged;
import de.kielregion.kooperation.contracts.memberships.MembershipFeeChanged;
import de.kielregion.kooperation.contracts.memberships.MembershipFeePaid;
import de.kielregion.kooperation.contracts.memberships.MembershipStatusChanged;
import de.kielregion.kooperation.contracts.resources.ResourcesRequested;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import de.kielregion.kooperation.platform.inbox.EventRoutes;
import de.kielregion.kooperation.platform.inbox.Inbox;
import de.kielregion.kooperation.projects.budget.Allocation.SubjectType;
import de.kielregion.kooperation.projects.budget.BudgetService;
import de.kielregion.kooperation.projects.budget.Category;
import de.kielregion.kooperation.projects.decision.DecisionRegister;
import de.kielregion.kooperation.projects.membership.MembershipReplica;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * memberships-service's events: a fee request is booked on its MEMBERSHIP_FEES line (or
 * refused) and answered with ResourcesAllocated / AllocationRejected; a decision enters the
 * register and may resolve a linked open question. Other types are ignored; each event has
 * one effect (inbox, and the request id makes the booking idempotent on its own as well).
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    private final Inbox inbox;
    private final BudgetService budget;
    private final EntityManager em;
    private final EventRoutes routes;

    MembershipEventsConsumer(
            Inbox inbox, BudgetService budget, DecisionRegister decisions, EntityManager em, ObjectMapper mapper) {
        this.inbox = inbox;
        this.budget = budget;
        this.em = em;
        this.routes = EventRoutes.builder(mapper)
                .onEvent(
                        EventTypes.RESOURCES_REQUESTED,
                        event -> feeRequest(event.id(), event.dataAs(ResourcesRequested.class, mapper)))
                .onEvent(EventTypes.DECISION_TAKEN, decisions::registerExternal)
                .on(
                        Set.of(EventTypes.MEMBERSHIP_PROPOSED, EventTypes.MEMBERSHIP_UPDATED),
                        MembershipChanged.class,
                        this::membership)
                .on(EventTypes.MEMBERSHIP_STATUS_CHANGED, MembershipStatusChanged.class, changed -> {
                    MembershipReplica m = em.find(MembershipReplica.class, changed.membershipId());
                    if (m != null) {
                        m.status = changed.to();
                        m.updatedAt = Instant.now();
                    }
                })
                .on(
                        EventTypes.MEMBERSHIP_FEE_PAID,
                        MembershipFeePaid.class,
                        paid -> budget.feePaid(
                                paid.requestId(),
                                paid.amount(),
                                paid.paidOn(),
                                "Mitgliedsbeitrag " + paid.year() + " " + paid.organisationAcronym()
                                        + (paid.invoiceNumber() == null
                                                ? ""
                                                : " (Rechnung " + paid.invoiceNumber() + ")")))
                .on(EventTypes.MEMBERSHIP_FEE_CHANGED, MembershipFeeChanged.class, changed -> {
                    MembershipReplica m = em.find(MembershipReplica.class, changed.membershipId());
                    if (m != null) {
                        m.yearlyFee = changed.yearlyFee();
                        m.updatedAt = Instant.now();
                    }
                })
                .build();
    }

    /** The membership's whole state (proposed or updated): the status and fee win over older events. */
    private void replica(UUID id, String holder, String organisation, String status, BigDecimal fee) {
        MembershipReplica m = em.find(MembershipReplica.class, id);
        boolean created = m == null;
        if (created) {
            m = new MembershipReplica();
            m.id = id;
        }
        m.holder = holder;
        m.organisation = organisation;
        m.status = status;
        m.yearlyFee = fee;
        m.updatedAt = Instant.now();
        if (created) {
            em.persist(m);
        }
    }

    @Incoming("memberships")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batch, routes);
    }

    /** A fee request, booked on its MEMBERSHIP_FEES line or refused (the answer is an event of the budget). */
    private void feeRequest(String eventId, ResourcesRequested request) {
        Category category;
        try {
            category = Category.valueOf(String.valueOf(request.category()));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("fee request " + eventId + " names no budget category");
        }
        if (request.requestId() == null || request.subjectId() == null || request.amount() == null) {
            throw new MalformedEventException("fee request " + eventId + " has no valid ids or amount");
        }
        BigDecimal amount;
        try {
            amount = request.amount().setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new MalformedEventException("fee request " + eventId + " asks for " + request.amount());
        }
        if (amount.signum() <= 0 || amount.precision() > 14) {
            throw new MalformedEventException("fee request " + eventId + " asks for " + amount);
        }
        budget.allocateForRequest(
                request.requestId(),
                SubjectType.MEMBERSHIP,
                request.subjectId(),
                request.subjectName(),
                request.year(),
                category,
                amount);
    }

    private void membership(MembershipChanged changed) {
        replica(
                changed.id(),
                changed.holder() == null ? null : changed.holder().name(),
                changed.organisationAcronym(),
                changed.status(),
                changed.currentYearlyFee());
        MembershipReplica m = em.find(MembershipReplica.class, changed.id());
        if (m != null) { // the calendar feeds show its notice deadline
            m.lastNoticeDay = changed.lastNoticeDay();
            m.termMonths = changed.termMonths() > 0 ? changed.termMonths() : null;
            // what a decision paper on it says
            m.organisationName = changed.organisationName();
            m.noticePeriod = changed.noticePeriod();
            m.startDate = changed.startDate();
            m.workingGroups =
                    changed.workingGroups() == null || changed.workingGroups().isEmpty()
                            ? null
                            : String.join(", ", changed.workingGroups());
        }
    }
}
