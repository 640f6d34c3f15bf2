package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.contracts.projects.ProjectStatusChanged;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.text.SearchText;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A concrete cooperation project. */
@Entity
@Table(name = "project")
public class Project {

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
     * Moves the project along its lifecycle by hand (IDEA → PROPOSED, RESOURCED → IN_PROGRESS →
     * COMPLETED, DEFERRED → PROPOSED, or CANCELLED); approval, rejection and deferral are
     * decisions. An illegal move is a 409 naming the allowed ones.
     */
    public ProjectStatusChanged moveByHand(ProjectStatus to) {
        Set<ProjectStatus> allowed = status.manualNext();
        if (!allowed.contains(to)) {
            throw ProblemException.conflict(
                    "Project " + title + " is " + status + " and cannot be set to " + to + " by hand; allowed: "
                            + (allowed.isEmpty() ? "none" : allowed)
                            + (status == ProjectStatus.PROPOSED
                                    ? " (approval, rejection and deferral are decisions)"
                                    : ""),
                    Map.of("currentStatus", status, "allowed", allowed));
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
            throw ProblemException.conflict(
                    "Only a PROPOSED project can be decided; " + title + " is " + status,
                    Map.of("currentStatus", status, "allowed", status.manualNext()));
        }
    }

    /** Moves the project as a decision or an allocation says; returns the event that tells the others. */
    public ProjectStatusChanged moveTo(ProjectStatus to, UUID decisionId) {
        ProjectStatus from = status;
        status = to;
        updatedAt = Instant.now();
        return new ProjectStatusChanged(
                id,
                title,
                from.name(),
                to.name(),
                decisionId,
                partners.stream()
                        .map(pp -> new ProjectStatusChanged.PartnerRef(pp.partnerId, pp.role.name()))
                        .toList());
    }
}
