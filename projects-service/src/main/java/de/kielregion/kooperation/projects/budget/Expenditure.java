package de.kielregion.kooperation.projects.budget;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.resources.ExpenditureRecorded;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Staff time or money spent against an allocation (Ausgabe). */
@Entity
@Table(name = "expenditure")
public class Expenditure {

    @Id
    public UUID id;

    @Column(name = "allocation_id")
    public UUID allocationId;

    @Column(name = "subject_id")
    public UUID subjectId;

    public BigDecimal amount;

    @Column(name = "spent_on")
    public LocalDate spentOn;

    public String description;

    /** An attachment of the project that proves it (receipt, time sheet), if one is named. */
    @Column(name = "evidence_id")
    public UUID evidenceId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /**
     * Spends {@code amount} on {@code allocation} (locked by the caller), of which {@code spent} is
     * already spent: only on what is ALLOCATED, in the allocation's year, never beyond it (409,
     * naming what is left), never on a day still to come (400).
     */
    static Expenditure spend(
            Allocation allocation,
            BudgetLine line,
            BigDecimal spent,
            BigDecimal amount,
            LocalDate spentOn,
            String description,
            UUID evidenceId,
            String by,
            LocalDate today,
            Instant at) {
        if (allocation.status != Allocation.Status.ALLOCATED) {
            throw ProblemException.refusal("expenditure.allocation-not-allocated")
                    .with("status", allocation.status)
                    .conflict();
        }
        if (spentOn.isAfter(today)) {
            throw ProblemException.refusal("expenditure.in-future")
                    .with("spentOn", spentOn)
                    .invalid("spentOn");
        }
        if (spentOn.getYear() != line.year) {
            throw ProblemException.refusal("expenditure.other-year")
                    .with("spentOn", spentOn)
                    .with("year", String.valueOf(line.year))
                    .invalid("spentOn");
        }
        BigDecimal left = allocation.amount.subtract(spent);
        if (amount.compareTo(left) > 0) {
            throw ProblemException.refusal("expenditure.exceeds-allocation")
                    .amount("amount", amount, line.category.unit)
                    .amount("left", left, line.category.unit)
                    .amount("allocated", allocation.amount, line.category.unit)
                    .conflict();
        }
        Expenditure e = new Expenditure();
        e.id = UUID.randomUUID();
        e.allocationId = allocation.id;
        e.subjectId = allocation.subjectId;
        e.amount = amount;
        e.spentOn = spentOn;
        e.description = description;
        e.evidenceId = evidenceId;
        e.recordedBy = by;
        e.recordedAt = at;
        return e;
    }

    /** The history entry (on the allocation's subject) and {@code ExpenditureRecorded}. */
    Change recorded(Allocation allocation, BudgetLine line, BigDecimal spentNow) {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("expenditureId", id);
        history.put("allocationId", allocationId);
        history.put("amount", amount);
        history.put("spentOn", spentOn);
        history.put("category", line.category);
        history.put("year", line.year);
        return new Change(
                allocation.subjectType == Allocation.SubjectType.PROJECT ? ProjectEvents.PROJECT : "Membership",
                subjectId,
                "ExpenditureRecorded",
                EventTypes.EXPENDITURE_RECORDED,
                allocation.subjectType == Allocation.SubjectType.PROJECT ? ProjectEvents.PROJECT : "Membership",
                subjectId,
                () -> new ExpenditureRecorded(
                        id,
                        allocationId,
                        allocation.subjectType.name(),
                        subjectId,
                        allocation.subjectName,
                        line.year,
                        line.category.name(),
                        amount,
                        spentOn,
                        description,
                        spentNow),
                history);
    }
}
