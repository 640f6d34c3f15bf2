package de.kielregion.kooperation.projects.results;

import de.kielregion.kooperation.infra.testing.Tokens;
import de.kielregion.kooperation.projects.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The results dashboard and the strategy document with 10,000 projects × 10 milestones × 4
 * reporting periods and reports (three accepted, one overdue each), all serving one goal: read as
 * most reads are (the database unchanged since the last computation: the snapshot cache answers),
 * and right after a write (computed anew: the aggregate queries). Also at 1,000 projects, to see
 * how the cost grows. Prints figures, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl projects-service -am verify -Pbenchmark -Dtest=ResultsBenchmark</pre>
 */
@QuarkusTest
class ResultsBenchmark {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void dashboardAndDocumentWithTenThousandProjects() throws Exception {
        String token = Tokens.bearer(Api.VIEWER);
        String writer = Tokens.bearer(Api.COORDINATOR);
        StringBuilder report = new StringBuilder();
        int seeded = 0;
        for (int projects : new int[] {1_000, 10_000}) {
            seed(projects - seeded, seeded);
            seeded = projects;
            report.append(String.format(
                    "%,d projects, %,d milestones, %,d reports:%n", projects, projects * 10, projects * 4));
            report.append(measure("  GET /results, cached        ", token, null, "results", 300));
            report.append(measure("  GET /results, after a write ", token, writer, "results", 30));
            report.append(
                    measure("  strategy document (Markdown), cached      ", token, null, "strategy/document", 100));
            report.append(
                    measure("  strategy document (Markdown), after a write", token, writer, "strategy/document", 15));
        }
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "results-benchmark.txt"), report);
    }

    /** p50/p99 of {@code times} reads of {@code path}; with {@code writer}, each read follows a write. */
    private String measure(String label, String token, String writer, String path, int times) throws Exception {
        for (int i = 0; i < 5; i++) {
            get(token, path);
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        for (int i = 0; i < times; i++) {
            if (writer != null) {
                write(writer, i);
            }
            long t = System.nanoTime();
            get(token, path);
            histogram.recordValue((System.nanoTime() - t) / 1000);
        }
        return String.format(
                "%s p50 %6.1f ms, p99 %6.1f ms (%d reads)%n",
                label, histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0, times);
    }

    private void get(String token, String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", token)
                        .header("Accept", path.startsWith("strategy") ? "text/markdown" : "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
    }

    private int writes;

    /** A small write (a budget line's amount, at its current version), which changes the database's state. */
    private void write(String token, int i) throws Exception {
        String version = writes == 0 ? "" : ", \"version\": " + (writes - 1);
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "budget/2093/lines/PROJECT_FUNDS"))
                        .header("Authorization", token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"amount\": " + (1000 + i) + version + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("write: " + response.statusCode() + " " + response.body());
        }
        writes++;
    }

    /**
     * {@code count} more projects serving the benchmark's goal, each with a work package, 10
     * milestones (3 overdue), an indicator towards the goal's, 4 half-year periods with a report
     * each: 3 accepted with a value, the last a draft and overdue. Straight into the database in a
     * few set-based statements (the benchmark is about reading).
     */
    private void seed(int count, int from) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO goal (id, title, description, version) VALUES"
                    + " ('00000000-0000-0000-0000-0000000000b1', 'Benchmark goal', 'x', 0) ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO indicator (id, goal_id, kind, name, unit, baseline, created_at, version) VALUES"
                    + " ('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-0000000000b1', 'OUTPUT',"
                    + " 'Benchmark agreements', 'COUNT', 0, now(), 0) ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO indicator_target (indicator_id, year, target) VALUES"
                    + " ('00000000-0000-0000-0000-0000000000b2', extract(year from now())::int, 100000)"
                    + " ON CONFLICT DO NOTHING");
            s.execute("CREATE TEMP TABLE seed AS SELECT gen_random_uuid() AS project, gen_random_uuid() AS wp,"
                    + " gen_random_uuid() AS indicator, n FROM generate_series(" + from + ", " + (from + count - 1)
                    + ") n");
            s.execute("INSERT INTO project (id, title, summary, status, created_at, updated_at, version)"
                    + " SELECT project, 'Results benchmark ' || n, 'x', 'IN_PROGRESS', now(), now(), 0 FROM seed");
            s.execute("INSERT INTO project_goal (project_id, goal_id)"
                    + " SELECT project, '00000000-0000-0000-0000-0000000000b1' FROM seed");
            s.execute("INSERT INTO work_package (id, project_id, number, title, version)"
                    + " SELECT wp, project, 1, 'Work package', 0 FROM seed");
            s.execute("INSERT INTO milestone (id, project_id, work_package_id, title, due_on, status, version)"
                    + " SELECT gen_random_uuid(), project, wp, 'Milestone ' || m, current_date + (m - 3) * 30,"
                    + " 'PLANNED', 0 FROM seed, generate_series(0, 9) m");
            s.execute("INSERT INTO indicator (id, project_id, contributes_to, kind, name, unit, baseline, created_at,"
                    + " version) SELECT indicator, project, '00000000-0000-0000-0000-0000000000b2', 'OUTPUT',"
                    + " 'Agreements', 'COUNT', 0, now(), 0 FROM seed");
            s.execute("CREATE TEMP TABLE seed_period AS SELECT project, indicator, k, gen_random_uuid() AS period,"
                    + " gen_random_uuid() AS report, (current_date - (4 - k) * 182 - 181) AS starts_on,"
                    + " (current_date - (4 - k) * 182) AS ends_on FROM seed, generate_series(0, 3) k");
            s.execute(
                    "INSERT INTO reporting_period (id, project_id, number, starts_on, ends_on, report_due_on, closed,"
                            + " version) SELECT period, project, k + 1, starts_on, ends_on, ends_on + 30, k < 3, 0 FROM seed_period");
            s.execute("INSERT INTO progress_report (id, project_id, period_id, status, narrative, revision,"
                    + " updated_at, version) SELECT report, project, period, CASE WHEN k < 3 THEN 'ACCEPTED' ELSE"
                    + " 'DRAFT' END, 'Benchmark', CASE WHEN k < 3 THEN 1 ELSE 0 END, now(), 0 FROM seed_period");
            s.execute("INSERT INTO progress_report_value (report_id, indicator_id, value)"
                    + " SELECT report, indicator, 1 FROM seed_period");
            // what accepting these reports would have counted towards the goal's indicator
            s.execute(
                    "INSERT INTO indicator_achievement (indicator_id, year, value)"
                            + " SELECT '00000000-0000-0000-0000-0000000000b2', extract(year from ends_on)::int, count(*)"
                            + " FROM seed_period WHERE k < 3 GROUP BY extract(year from ends_on)"
                            + " ON CONFLICT (indicator_id, year) DO UPDATE SET value = indicator_achievement.value + EXCLUDED.value");
            s.execute("DROP TABLE seed_period");
            s.execute("DROP TABLE seed");
            s.execute("ANALYZE");
        }
    }
}
