package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.projects.MilestoneChanged;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A milestone of a work package: due on a day, with a responsible partner, reached or missed. */
@Entity
@Table(name = "milestone")
public class Milestone implements Aggregate {

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "work_package_id")
    public UUID workPackageId;

    public String title;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "responsible_partner_id")
    public UUID responsiblePartnerId;

    @Enumerated(EnumType.STRING)
    public MilestoneStatus status;

    /** The day it was reached, or recorded as missed. */
    @Column(name = "settled_on")
    public LocalDate settledOn;

    @Version
    public long version;

    @Override
    public String aggregateType() {
        return ProjectEvents.MILESTONE;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /**
     * Plans a milestone in {@code workPackage}: not after the project's planned end (400), the
     * responsible partner must take part in the project (checked by the caller).
     */
    public static Milestone plan(
            WorkPackage workPackage, String title, LocalDate dueOn, UUID responsiblePartnerId, LocalDate projectEnd) {
        if (projectEnd != null && dueOn.isAfter(projectEnd)) {
            throw ProblemException.refusal("milestone.after-project-end")
                    .with("dueOn", dueOn)
                    .with("plannedEnd", projectEnd)
                    .invalid("dueOn");
        }
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.projectId = workPackage.projectId;
        m.workPackageId = workPackage.id;
        m.title = title;
        m.dueOn = dueOn;
        m.responsiblePartnerId = responsiblePartnerId;
        m.status = MilestoneStatus.PLANNED;
        return m;
    }

    /** Its history entry when planned. */
    public Change planned() {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("projectId", projectId);
        history.put("workPackageId", workPackageId);
        history.put("title", title);
        history.put("dueOn", dueOn);
        if (responsiblePartnerId != null) {
            history.put("responsiblePartnerId", responsiblePartnerId);
        }
        return Change.historyOnly(this, "MilestonePlanned").withHistory(history);
    }

    /**
     * Records it as REACHED on {@code on} (not a day still to come: 400) or MISSED (only once its
     * due day has passed: 409); only a PLANNED milestone is settled (409). Raises MilestoneReached
     * or MilestoneMissed, keyed by the project.
     */
    public Change settle(MilestoneStatus to, LocalDate on, LocalDate today, String projectTitle) {
        if (status != MilestoneStatus.PLANNED) {
            throw ProblemException.refusal("milestone.settled-already")
                    .with("milestone", title)
                    .with("status", status)
                    .conflict();
        }
        LocalDate day = on == null ? today : on;
        switch (to) {
            case REACHED -> {
                if (day.isAfter(today)) {
                    throw ProblemException.refusal("milestone.reached-in-future")
                            .with("on", day)
                            .invalid("on");
                }
            }
            case MISSED -> {
                if (!dueOn.isBefore(today)) {
                    throw ProblemException.refusal("milestone.not-yet-due")
                            .with("milestone", title)
                            .with("dueOn", dueOn)
                            .conflict();
                }
                day = today;
            }
            case PLANNED ->
                throw ProblemException.refusal("milestone.settle-to-planned").invalid("status");
        }
        MilestoneStatus from = status;
        status = to;
        settledOn = day;
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("status", Map.of("from", from, "to", to));
        history.put("on", day);
        return new Change(
                ProjectEvents.MILESTONE,
                id,
                to == MilestoneStatus.REACHED ? "MilestoneReached" : "MilestoneMissed",
                to == MilestoneStatus.REACHED ? EventTypes.MILESTONE_REACHED : EventTypes.MILESTONE_MISSED,
                ProjectEvents.PROJECT,
                projectId,
                () -> new MilestoneChanged(
                        id,
                        projectId,
                        projectTitle,
                        workPackageId,
                        title,
                        dueOn,
                        status.name(),
                        settledOn,
                        responsiblePartnerId),
                history);
    }
}
