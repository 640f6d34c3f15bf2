package de.kielregion.kooperation.contracts.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cooperation.progress.reported.v1} (submitted), {@code cooperation.progress-report.returned.v1}
 * and {@code cooperation.progress-report.accepted.v1} (key: project id): a project's progress report
 * of one reporting period was submitted, returned for correction or accepted. Only an accepted
 * report's values count towards the indicators' targets.
 *
 * @param periodNumber the reporting period's number within the project (1, 2, ...)
 * @param status SUBMITTED, RETURNED or ACCEPTED
 * @param revision how often it was submitted (a corrected report is submitted again: 2, 3, ...)
 * @param values what the period achieved per indicator of the project
 * @param comment the coordinator's comment on a returned or accepted report, if any
 */
public record ProgressReportChanged(
        UUID reportId,
        UUID projectId,
        String projectTitle,
        int periodNumber,
        LocalDate periodStartsOn,
        LocalDate periodEndsOn,
        String status,
        int revision,
        List<IndicatorValue> values,
        String comment) {

    /** What a period achieved for one indicator, in the indicator's unit (COUNT, PERSONS, PERCENT, EUR). */
    public record IndicatorValue(UUID indicatorId, String name, String unit, BigDecimal value) {}
}
