package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.platform.changes.Aggregate;
import de.kielregion.kooperation.platform.changes.Change;
import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.projects.ProjectEvents;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An output or result indicator of a goal or of a project, with a baseline and a target per year
 * (what should be reached by the end of that year). A project's indicator may contribute to one
 * of a goal's: what the project achieves counts for the goal too.
 */
@Entity
@Table(name = "indicator")
public class Indicator implements Aggregate {

    @Id
    public UUID id;

    @Column(name = "goal_id")
    public UUID goalId;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "contributes_to")
    public UUID contributesTo;

    @Enumerated(EnumType.STRING)
    public IndicatorKind kind;

    public String name;

    @Enumerated(EnumType.STRING)
    public IndicatorUnit unit;

    public BigDecimal baseline;

    @ElementCollection
    @CollectionTable(name = "indicator_target", joinColumns = @JoinColumn(name = "indicator_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "target")
    public Map<Integer, BigDecimal> targets = new TreeMap<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    @Override
    public String aggregateType() {
        return ProjectEvents.INDICATOR;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /**
     * A new indicator of a goal ({@code projectId} null) or a project ({@code goalId} null). Its
     * baseline and targets must be values of its unit; a project's indicator contributes only to
     * a goal's indicator of the same unit (409).
     */
    public static Indicator define(
            UUID goalId,
            UUID projectId,
            Indicator contributesTo,
            IndicatorKind kind,
            String name,
            IndicatorUnit unit,
            BigDecimal baseline,
            Map<Integer, BigDecimal> targets,
            Instant at) {
        unit.check(baseline, "baseline");
        targets.forEach((year, target) -> unit.check(target, "targets." + year));
        if (contributesTo != null) {
            if (contributesTo.goalId == null) {
                throw ProblemException.refusal("indicator.contributes-to-project")
                        .with("indicator", contributesTo.name)
                        .invalid("contributesTo");
            }
            if (contributesTo.unit != unit) {
                throw ProblemException.refusal("indicator.unit-mismatch")
                        .with("indicator", contributesTo.name)
                        .with("unit", contributesTo.unit)
                        .with("given", unit)
                        .conflict();
            }
        }
        Indicator i = new Indicator();
        i.id = UUID.randomUUID();
        i.goalId = goalId;
        i.projectId = projectId;
        i.contributesTo = contributesTo == null ? null : contributesTo.id;
        i.kind = kind;
        i.name = name;
        i.unit = unit;
        i.baseline = baseline;
        i.targets.putAll(targets);
        i.createdAt = at;
        return i;
    }

    /** Its history entry: who it belongs to, what it counts, its targets. */
    public Change defined() {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("goalId", goalId);
        history.put("projectId", projectId);
        history.put("contributesTo", contributesTo);
        history.put("kind", kind);
        history.put("name", name);
        history.put("unit", unit);
        history.put("baseline", baseline);
        history.put("targets", new TreeMap<>(targets));
        history.values().removeIf(java.util.Objects::isNull);
        return Change.historyOnly(this, "IndicatorDefined").withHistory(history);
    }

    /** The target for the end of {@code year}: that year's, else the last earlier year's; null without one. */
    public BigDecimal targetFor(int year) {
        Integer best = null;
        for (Integer y : targets.keySet()) {
            if (y <= year && (best == null || y > best)) {
                best = y;
            }
        }
        return best == null ? null : targets.get(best);
    }
}
