package de.kielregion.kooperation.projects.project;

import de.kielregion.kooperation.infra.testing.Tokens;
import de.kielregion.kooperation.infra.testing.WrkScripts;
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
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Lists 10,000 projects page by page (20 per page, sorted by quick win) against the real
 * database, over HTTP with a real token: once sequentially from Java (latency per page), and
 * under load with wrk (Debian package 'wrk') walking all pages from 4 connections for 20 s, each
 * of its two threads its own half, so that no page comes back while the page cache still holds it.
 * Prints figures, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl projects-service -am verify -Pbenchmark</pre>
 */
@QuarkusTest
class ProjectListBenchmark {

    private static final int PROJECTS = 10_000;
    private static final int PAGE = 20;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void listTenThousandProjectsPageByPage() throws Exception {
        seed();
        String token = Tokens.bearer(Api.VIEWER);
        int pages = PROJECTS / PAGE;
        HttpClient client = HttpClient.newHttpClient();
        for (int warm = 0; warm < 2; warm++) {
            for (int page = 0; page < pages; page++) {
                fetch(client, token, page);
            }
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        long start = System.nanoTime();
        for (int page = 0; page < pages; page++) {
            long t = System.nanoTime();
            fetch(client, token, page);
            histogram.recordValue((System.nanoTime() - t) / 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                "%,d projects, %d per page, sorted by quickWin: one client walked all %d pages in "
                        + "%.2f s; per page p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                PROJECTS,
                PAGE,
                pages,
                seconds,
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0));
        report.append(wrk(token, pages));
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "project-list-benchmark.txt"), report);
    }

    private void fetch(HttpClient client, String token, int page) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "projects?sort=quickWin&size=" + PAGE + "&page=" + page))
                        .header("Authorization", token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("page " + page + ": " + response.statusCode() + " " + response.body());
        }
    }

    private String wrk(String token, int pages) throws Exception {
        Path script = WrkScripts.walkingPages("/projects?sort=quickWin&size=" + PAGE + "&page=*", pages);
        Process process;
        try {
            process = new ProcessBuilder(
                            "wrk",
                            "-t2",
                            "-c4",
                            "-d20s",
                            "--latency",
                            "-H",
                            "Authorization: " + token,
                            "-s",
                            script.toString(),
                            base.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            return "wrk is not installed (Debian: apt-get install wrk); load figures skipped\n";
        }
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return "wrk -t2 -c4 -d20s walking all pages:\n" + output;
    }

    /** 10,000 projects straight into the database (the benchmark is about reading them). */
    private void seed() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO project (id, title, summary, status, effort, impact, months_to_start, funding_secured, "
                                + "quick_win, created_at, updated_at, version) VALUES (?, ?, ?, 'IDEA', ?, ?, ?, ?, ?, ?, ?, 0)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < PROJECTS; i++) {
                int effort = 1 + i % 5;
                int impact = 1 + (i / 5) % 5;
                int months = i % 37;
                int funding = (i * 7) % 101;
                s.setObject(1, UUID.randomUUID());
                s.setString(2, "Benchmark project " + i);
                s.setString(3, "A project of the benchmark");
                s.setInt(4, effort);
                s.setInt(5, impact);
                s.setInt(6, months);
                s.setInt(7, funding);
                s.setBigDecimal(8, QuickWin.score(effort, impact, months, funding));
                s.setTimestamp(9, now);
                s.setTimestamp(10, now);
                s.addBatch();
                if (i % 500 == 499) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        // As autovacuum would soon after: statistics for the planner, the visibility map for
        // index-only scans. Without it the figures depend on whether autovacuum has run yet.
        try (Connection c = dataSource.getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) project");
        }
    }
}
