-- What the accepted progress reports contribute to each goal indicator, per year of the period's
-- end: kept up to date when a report is accepted, so that the results dashboard reads a few rows
-- per goal indicator instead of summing every accepted value of every project.
CREATE TABLE indicator_achievement (
    indicator_id uuid          NOT NULL REFERENCES indicator (id),
    year         integer       NOT NULL,
    value        numeric(16,2) NOT NULL,
    PRIMARY KEY (indicator_id, year)
);

INSERT INTO indicator_achievement (indicator_id, year, value)
SELECT i.contributes_to, extract(year FROM p.ends_on)::int, sum(v.value)
  FROM progress_report_value v
  JOIN progress_report r ON r.id = v.report_id
  JOIN reporting_period p ON p.id = r.period_id
  JOIN indicator i ON i.id = v.indicator_id
 WHERE r.status = 'ACCEPTED' AND i.contributes_to IS NOT NULL
 GROUP BY i.contributes_to, extract(year FROM p.ends_on);

-- The dashboard's lists read the first 50 in index order and stop: overdue milestones and reports
-- by due day (ties by id), submitted reports by the time of submission.
DROP INDEX milestone_open_due;
CREATE INDEX milestone_open_due ON milestone (due_on, id) WHERE status = 'PLANNED';
DROP INDEX reporting_period_open_due;
CREATE INDEX reporting_period_open_due ON reporting_period (report_due_on, id) WHERE NOT closed;
CREATE INDEX progress_report_submitted ON progress_report (submitted_at, id) WHERE status = 'SUBMITTED';
