package de.kielregion.kooperation.projects.strategy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** One of the workshop's measures (Maßnahme / Ansatzpunkt) with its fields. */
@Entity
@Table(name = "measure")
public class Measure {

    @Id
    public UUID id;

    public int number;

    public String title;

    public String description;

    @Column(name = "what_must_happen")
    public String whatMustHappen;

    @Column(name = "who_must_be_involved")
    public String whoMustBeInvolved;

    @Column(name = "resources_needed")
    public String resourcesNeeded;

    public String timeline;

    @ElementCollection
    @CollectionTable(name = "measure_theme", joinColumns = @JoinColumn(name = "measure_id"))
    @Column(name = "theme_id")
    public Set<UUID> themeIds = new TreeSet<>();

    /** The strategy's goals the measure serves. */
    @ElementCollection
    @CollectionTable(name = "measure_goal", joinColumns = @JoinColumn(name = "measure_id"))
    @Column(name = "goal_id")
    public Set<UUID> goalIds = new TreeSet<>();

    @Version
    public long version;
}
