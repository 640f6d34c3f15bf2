package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.projects.ProjectChanged;
import de.kielregion.kooperation.contracts.projects.ProjectStatusChanged;
import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.changes.ChangeLog;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.SearchText;
import de.kielregion.kooperation.projects.ProjectEvents;
import de.kielregion.kooperation.projects.partner.PartnerReplica;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/** A concrete cooperation project. */
@Entity
@Table(name = "project")
public class Project implements Aggregate {

    @Id
    public UUID id;

    public String title;

    public String summary;

    /** Title and summary as {@code SearchText} keys (case and accents ignored), for the text search. */
    @Column(name = "search_key")
    public String searchKey;

    @Column(name = "measure_id")
    public UUID measureId;

    @Column(name = "cooperation_area_id")
    public UUID cooperationAreaId;

    /** The person responsible at KielRegion. */
    public String lead;

    @Enumerated(EnumType.STRING)
    public ProjectStatus status;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    public Integer effort;

    public Integer impact;

    @Column(name = "months_to_start")
    public Integer monthsToStart;

    @Column(name = "funding_secured")
    public Integer fundingSecured;

    /** The quick-win score (QuickWin), stored for sorting; null while an input is missing. */
    @Column(name = "quick_win")
    public BigDecimal quickWin;

    @ElementCollection
    @CollectionTable(name = "project_theme", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "theme_id")
    public Set<UUID> themeIds = new TreeSet<>();

    /** The strategy's goals the project serves (its measure's goals are the measure's). */
    @ElementCollection
    @CollectionTable(name = "project_goal", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "goal_id")
    public Set<UUID> goalIds = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "project_shareholder", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "shareholder")
    @Enumerated(EnumType.STRING)
    public Set<Shareholder> shareholders = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "project_partner", joinColumns = @JoinColumn(name = "project_id"))
    public List<ProjectPartner> partners = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "project_financing", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    public List<Financing> financing = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Coordinators and admins write for every project; a shareholder's staff only for a project
     * their shareholder takes part in: 403 with the refusal {@code key} (naming the project)
     * otherwise.
     */
    public void requireWriter(de.kielregion.kooperation.platform.security.Caller caller, String key) {
        if (caller.hasRole(de.kielregion.kooperation.platform.security.Roles.COORDINATOR)
                || caller.hasRole(de.kielregion.kooperation.platform.security.Roles.ADMIN)) {
            return;
        }
        if (caller.shareholder().isEmpty()
                || !shareholders.contains(caller.shareholder().get())) {
            throw ProblemException.refusal(key).with("project", title).forbidden();
        }
    }

    /**
     * Moves the project along its lifecycle by hand (IDEA → PROPOSED, RESOURCED → IN_PROGRESS →
     * COMPLETED, DEFERRED → PROPOSED, or CANCELLED); approval, rejection and deferral are
     * decisions. An illegal move is a 409 naming the allowed ones.
     */
    public Change moveByHand(ProjectStatus to) {
        Set<ProjectStatus> allowed = status.manualNext();
        if (!allowed.contains(to)) {
            String key = allowed.isEmpty()
                    ? "project.status-final"
                    : status == ProjectStatus.PROPOSED ? "project.status-by-decision" : "project.status-not-by-hand";
            throw ProblemException.refusal(key)
                    .with("project", title)
                    .with("currentStatus", status)
                    .with("target", to)
                    .with("allowed", allowed)
                    .conflict();
        }
        return moveTo(to, null);
    }

    /** Keeps the search key in step with title and summary. */
    public void updateSearchKey() {
        searchKey = SearchText.key(title) + (summary == null ? "" : " | " + SearchText.key(summary));
    }

    /** Only a PROPOSED project can be decided (approved, rejected or deferred); otherwise a 409. */
    public void requireDecidable() {
        if (status != ProjectStatus.PROPOSED) {
            throw ProblemException.refusal("project.not-decidable")
                    .with("project", title)
                    .with("currentStatus", status)
                    .with("allowed", status.manualNext())
                    .conflict();
        }
    }

    /** Moves the project as a decision or an allocation says; returns the change that tells the others. */
    public Change moveTo(ProjectStatus to, UUID decisionId) {
        ProjectStatus from = status;
        status = to;
        updatedAt = Instant.now();
        ProjectStatusChanged moved = new ProjectStatusChanged(
                id,
                title,
                from.name(),
                to.name(),
                decisionId,
                partners.stream()
                        .map(pp -> new ProjectStatusChanged.PartnerRef(pp.partnerId, pp.role.name()))
                        .toList());
        return Change.of(this, "StatusChanged", EventTypes.PROJECT_STATUS_CHANGED, () -> moved)
                .withHistory(ChangeLog.statusMove(from.name(), to.name(), decisionId));
    }

    /** The project has been proposed; {@code partnerNames} finds a partner's replica (its name and status). */
    public Change proposed(Function<UUID, PartnerReplica> replicas) {
        return Change.of(this, "ProjectProposed", EventTypes.PROJECT_PROPOSED, () -> changed(replicas));
    }

    /** Its data has changed (the caller has checked that something did): stamped, and told. */
    public Change updated(Function<UUID, PartnerReplica> replicas) {
        updatedAt = Instant.now();
        return Change.of(this, "ProjectUpdated", EventTypes.PROJECT_UPDATED, () -> changed(replicas));
    }

    /** Whether a partner of the project has been retired in partners-service (kept, flagged, while the project is active). */
    public boolean flagsRetired(PartnerReplica replica) {
        return replica != null && "RETIRED".equals(replica.status) && status.isActive();
    }

    @Override
    public String aggregateType() {
        return ProjectEvents.PROJECT;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /** The project's whole state as the contracts tell it: the API view may change without changing it. */
    private ProjectChanged changed(Function<UUID, PartnerReplica> replicas) {
        List<ProjectChanged.Partner> named = new ArrayList<>();
        List<UUID> retired = new ArrayList<>();
        for (ProjectPartner pp : partners) {
            PartnerReplica replica = replicas.apply(pp.partnerId);
            boolean isRetired = replica != null && "RETIRED".equals(replica.status);
            if (flagsRetired(replica)) {
                retired.add(pp.partnerId);
            }
            named.add(new ProjectChanged.Partner(
                    pp.partnerId,
                    replica == null ? null : replica.name,
                    pp.role.name(),
                    replica == null ? "UNKNOWN" : replica.status,
                    isRetired));
        }
        return new ProjectChanged(
                id,
                title,
                summary,
                List.copyOf(new TreeSet<>(themeIds)),
                measureId,
                cooperationAreaId,
                lead,
                List.copyOf(new TreeSet<>(shareholders)),
                named,
                retired,
                plannedStart,
                plannedEnd,
                financing.stream()
                        .map(f -> new ProjectChanged.FinancingSource(f.kind.name(), f.name, f.amount))
                        .toList(),
                financingTotal(),
                status.name(),
                effort,
                impact,
                monthsToStart,
                fundingSecured,
                quickWin,
                createdAt,
                updatedAt,
                version);
    }

    /** What all financing sources add up to. */
    public BigDecimal financingTotal() {
        return financing.stream()
                .map(f -> f.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }
}
