package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.contracts.projects.ProgressReportChanged;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A project's progress report for one reporting period (Fortschrittsbericht): what happened, and
 * what the period achieved per indicator. Written as a DRAFT, SUBMITTED, then ACCEPTED or RETURNED
 * with a comment; a returned report is corrected and submitted again, each submission kept in its
 * history. Only an accepted report's values count towards the targets, and its period is closed.
 */
@Entity
@Table(name = "progress_report")
public class ProgressReport implements Aggregate {

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "period_id")
    public UUID periodId;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    public String narrative;

    /** The coordinator's comment when returning (why) or accepting it. */
    public String comment;

    /** How often it was submitted. */
    public int revision;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "settled_at")
    public Instant settledAt;

    @Column(name = "settled_by")
    public String settledBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "progress_report_value", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "indicator_id")
    @Column(name = "value")
    public Map<UUID, BigDecimal> values = new HashMap<>();

    @Version
    public long version;

    @Override
    public String aggregateType() {
        return ProjectEvents.PROGRESS_REPORT;
    }

    @Override
    public Object aggregateId() {
        return id;
    }

    /** What the report's event needs to say besides the report: its project, its period, the indicators' names and units. */
    public record Context(String projectTitle, ReportingPeriod period, Map<UUID, Indicator> indicators) {}

    /** A new draft for {@code period}; a closed period takes no report (409). */
    public static ProgressReport draft(ReportingPeriod period, Instant at) {
        requireOpen(period);
        ProgressReport r = new ProgressReport();
        r.id = UUID.randomUUID();
        r.projectId = period.projectId;
        r.periodId = period.id;
        r.status = ReportStatus.DRAFT;
        r.updatedAt = at;
        return r;
    }

    private static void requireOpen(ReportingPeriod period) {
        if (period.closed) {
            throw ProblemException.refusal("report.period-closed")
                    .with("number", period.number)
                    .conflict();
        }
    }

    /**
     * Writes narrative and values: only while the project has it (draft or returned: 409
     * otherwise); each value must be of one of the project's indicators (400) and fit its unit.
     */
    public Change write(String narrative, Map<UUID, BigDecimal> newValues, Context context, Instant at) {
        requireWithProject();
        requireOpen(context.period());
        int i = 0;
        for (Map.Entry<UUID, BigDecimal> v : newValues.entrySet()) {
            Indicator indicator = context.indicators().get(v.getKey());
            if (indicator == null) {
                throw ProblemException.refusal("report.unknown-indicator")
                        .with("indicator", v.getKey())
                        .invalid("values[" + i + "].indicatorId");
            }
            indicator.unit.check(v.getValue(), "values[" + i + "].value");
            i++;
        }
        this.narrative = narrative;
        this.values.clear();
        this.values.putAll(newValues);
        this.updatedAt = at;
        return Change.historyOnly(this, "ProgressReportWritten").withHistory(snapshot());
    }

    /**
     * Submits it for review: from draft or returned (409 otherwise: a report submitted twice by
     * racing clients is submitted once), with a narrative (409 without). Raises ProgressReported.
     */
    public Change submit(String by, Context context, Instant at) {
        requireWithProject();
        requireOpen(context.period());
        if (narrative == null || narrative.isBlank()) {
            throw ProblemException.refusal("report.narrative-missing").conflict();
        }
        status = ReportStatus.SUBMITTED;
        revision++;
        submittedAt = at;
        submittedBy = by;
        comment = null;
        updatedAt = at;
        return changed("ProgressReportSubmitted", EventTypes.PROGRESS_REPORTED, context, snapshot());
    }

    /** Returns a submitted report to the project with a comment saying what to correct (409 unless submitted). */
    public Change giveBack(String why, String by, Context context, Instant at) {
        requireSubmitted();
        status = ReportStatus.RETURNED;
        comment = why;
        settledAt = at;
        settledBy = by;
        updatedAt = at;
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("status", Map.of("from", ReportStatus.SUBMITTED, "to", status));
        history.put("revision", revision);
        history.put("comment", why);
        return changed("ProgressReportReturned", EventTypes.PROGRESS_REPORT_RETURNED, context, history);
    }

    /** Accepts a submitted report (409 unless submitted); its period is closed, its values count. */
    public Change accept(String note, String by, Context context, Instant at) {
        requireSubmitted();
        status = ReportStatus.ACCEPTED;
        comment = note;
        settledAt = at;
        settledBy = by;
        updatedAt = at;
        context.period().closed = true;
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("status", Map.of("from", ReportStatus.SUBMITTED, "to", status));
        history.put("revision", revision);
        if (note != null) {
            history.put("comment", note);
        }
        return changed("ProgressReportAccepted", EventTypes.PROGRESS_REPORT_ACCEPTED, context, history);
    }

    /** 409 unless the project has it (draft or returned). */
    void requireWithProject() {
        if (!status.editable()) {
            throw ProblemException.refusal("report.not-with-project")
                    .with("status", status)
                    .conflict();
        }
    }

    private void requireSubmitted() {
        if (status != ReportStatus.SUBMITTED) {
            throw ProblemException.refusal("report.not-submitted")
                    .with("status", status)
                    .conflict();
        }
    }

    /** What the history keeps of a written or submitted report: every word and value, so each revision can be read again. */
    private Map<String, Object> snapshot() {
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("status", status);
        history.put("revision", revision);
        history.put("narrative", narrative);
        Map<String, Object> byIndicator = new TreeMap<>();
        values.forEach((indicator, value) -> byIndicator.put(indicator.toString(), value));
        history.put("values", byIndicator);
        return history;
    }

    private Change changed(String action, String type, Context context, Map<String, Object> history) {
        ReportingPeriod period = context.period();
        return new Change(
                ProjectEvents.PROGRESS_REPORT,
                id,
                action,
                type,
                ProjectEvents.PROJECT,
                projectId,
                () -> new ProgressReportChanged(
                        id,
                        projectId,
                        context.projectTitle(),
                        period.number,
                        period.startsOn,
                        period.endsOn,
                        status.name(),
                        revision,
                        eventValues(context.indicators()),
                        comment),
                history);
    }

    private List<ProgressReportChanged.IndicatorValue> eventValues(Map<UUID, Indicator> indicators) {
        return values.entrySet().stream()
                .map(v -> {
                    Indicator i = indicators.get(v.getKey());
                    return new ProgressReportChanged.IndicatorValue(
                            v.getKey(), i == null ? null : i.name, i == null ? null : i.unit.name(), v.getValue());
                })
                .sorted(java.util.Comparator.comparing(v -> String.valueOf(v.name())))
                .toList();
    }
}
