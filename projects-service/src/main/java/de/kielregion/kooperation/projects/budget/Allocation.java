package de.kielregion.kooperation.projects.budget;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.resources.AllocationChanged;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.Wording;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff or money from a budget line for a project or a membership. */
@Entity
@Table(name = "allocation")
public class Allocation {

    @Schema(name = "AllocationStatus")
    public enum Status {
        REQUESTED,
        ALLOCATED,
        REJECTED,
        RELEASED
    }

    public enum SubjectType {
        PROJECT,
        MEMBERSHIP
    }

    @Id
    public UUID id;

    /** Null when the request named a line that does not exist (then it is REJECTED). */
    @Column(name = "line_id")
    public UUID lineId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "subject_name")
    public String subjectName;

    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    /** The id of the ResourcesRequested event this answers: a redelivered request is answered once. */
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * A request for {@code amount} from {@code line} (null: there is none), decided at once: ALLOCATED
     * while it fits into what is {@code free} on the line, REJECTED with the reason otherwise.
     */
    public static Allocation request(
            SubjectType subjectType,
            UUID subjectId,
            String subjectName,
            int year,
            Category category,
            BigDecimal amount,
            UUID requestId,
            BudgetLine line,
            BigDecimal free,
            Instant at) {
        Allocation a = new Allocation();
        a.id = UUID.randomUUID();
        a.subjectType = subjectType;
        a.subjectId = subjectId;
        a.subjectName = subjectName;
        a.amount = amount;
        a.requestId = requestId;
        a.createdAt = at;
        a.updatedAt = at;
        if (line == null) {
            a.status = Status.REJECTED;
            a.reason = "Für " + year + " gibt es keine Budgetlinie " + Wording.GERMAN.label("Category", category);
        } else {
            a.lineId = line.id;
            if (amount.compareTo(free) <= 0) {
                a.status = Status.ALLOCATED;
            } else {
                a.status = Status.REJECTED;
                // A sentence a person reads (the project page, the membership's funding note).
                Wording words = Wording.GERMAN;
                a.reason = words.label("Category", category) + " " + year + ": " + words.amount(free, category.unit)
                        + " frei, " + words.amount(amount, category.unit) + " angefragt";
            }
        }
        return a;
    }

    /** Gives the resources back to the line; only what is ALLOCATED can be released (409). */
    public void release(String why, Instant at) {
        if (status != Status.ALLOCATED) {
            throw ProblemException.refusal("allocation.not-allocated")
                    .with("status", status)
                    .conflict();
        }
        status = Status.RELEASED;
        if (why != null) {
            reason = why;
        }
        updatedAt = at;
    }

    /** The event of its current state (allocated, rejected or released), for the line of {@code year} and {@code category}. */
    AllocationChanged changed(int year, Category category) {
        return new AllocationChanged(
                id,
                requestId,
                subjectType.name(),
                subjectId,
                subjectName,
                year,
                category.name(),
                amount,
                status.name(),
                reason);
    }

    /** The event type of its current state. */
    String eventType() {
        return switch (status) {
            case ALLOCATED -> EventTypes.RESOURCES_ALLOCATED;
            case REJECTED -> EventTypes.ALLOCATION_REJECTED;
            case RELEASED -> EventTypes.RESOURCES_RELEASED;
            case REQUESTED -> throw new IllegalStateException("a requested allocation is decided at once");
        };
    }

    /**
     * Its current state (allocated, rejected or released) on the line of {@code year} and
     * {@code category}: the allocation's history, and the event keyed by the subject it is for,
     * so that it stays in order with that subject's events.
     */
    public Change recorded(int year, Category category) {
        return new Change(
                ProjectEvents.ALLOCATION,
                id,
                "Allocation" + status,
                eventType(),
                subjectType == SubjectType.PROJECT ? ProjectEvents.PROJECT : "Membership",
                subjectId,
                () -> changed(year, category),
                Map.of("subjectId", subjectId, "year", year, "category", category, "amount", amount));
    }
}
