package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A reporting period of a project (Berichtszeitraum, e.g. a half-year), numbered within the
 * project; closed once its report is accepted.
 */
@Entity
@Table(name = "reporting_period")
public class ReportingPeriod {

    /** When no due day is given: the report is due this many days after the period's end. */
    public static final int DEFAULT_DAYS_TO_REPORT = 30;

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    public int number;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "report_due_on")
    public LocalDate reportDueOn;

    public boolean closed;

    @Version
    public long version;

    /**
     * A new period after {@code existing}: it ends on or after its start (400), the report is due
     * on or after its end (400), and it overlaps none of the project's other periods (409).
     */
    public static ReportingPeriod open(
            UUID projectId,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate reportDueOn,
            List<ReportingPeriod> existing) {
        if (endsOn.isBefore(startsOn)) {
            throw ProblemException.refusal("period.end-before-start")
                    .with("startsOn", startsOn)
                    .invalid("endsOn");
        }
        LocalDate due = reportDueOn == null ? endsOn.plusDays(DEFAULT_DAYS_TO_REPORT) : reportDueOn;
        if (due.isBefore(endsOn)) {
            throw ProblemException.refusal("period.due-before-end")
                    .with("endsOn", endsOn)
                    .invalid("reportDueOn");
        }
        int number = 1;
        for (ReportingPeriod other : existing) {
            if (!other.endsOn.isBefore(startsOn) && !endsOn.isBefore(other.startsOn)) {
                throw ProblemException.refusal("period.overlaps")
                        .with("number", other.number)
                        .with("startsOn", other.startsOn)
                        .with("endsOn", other.endsOn)
                        .conflict();
            }
            number = Math.max(number, other.number + 1);
        }
        ReportingPeriod p = new ReportingPeriod();
        p.id = UUID.randomUUID();
        p.projectId = projectId;
        p.number = number;
        p.startsOn = startsOn;
        p.endsOn = endsOn;
        p.reportDueOn = due;
        return p;
    }
}
