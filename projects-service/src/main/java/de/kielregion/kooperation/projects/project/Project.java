package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.contracts.Shareholder;
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

/** A concrete cooperation project. */
@Entity
@Table(name = "project")
public class Project {

    @Id
    public UUID id;

    public String title;

    public String summary;

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
}
