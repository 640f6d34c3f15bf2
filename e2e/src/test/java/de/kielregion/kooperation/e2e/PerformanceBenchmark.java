package de.kielregion.kooperation.e2e;

import de.kielregion.kooperation.infra.testing.WrkScripts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The suite's read paths next to their ceilings, in one run on one machine: the services as
 * separate processes with the JVM options of the local stack ({@code -De2e.jvm}, set by the
 * benchmark profile), 10,000 projects created through the API, then {@code wrk -t2 -c8}
 * against the HTTP ceiling (liveness, no authentication), the authenticated ceiling (a tiny
 * query with the viewer's token) and the real endpoints, all warmed up before any is measured; start time and
 * RSS per service; the event hop at 200 events/s. Prints one table and writes it to
 * {@code target/performance-benchmark.md}; asserts nothing about time.
 *
 * <pre>./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=PerformanceBenchmark   (needs wrk)</pre>
 */
class PerformanceBenchmark {

    private static final int PROJECTS = 10_000;
    private static final String WARM_UP = "10s";
    private static final String DURATION = "10s";
    /** The pages a walking row asks for in turn: 500 of 20 = the 10,000 projects. */
    private static final int WALKED_PAGES = 500;

    private static final String INTERESTS = "/shareholders/KIEL/interests";
    /** The authenticated ceiling the real read paths are compared with: service and path. */
    private static final String THEMES = "projects/themes";

    /** A row of the table; a {@code path} with {@code page=*} walks the pages in order ({@link WrkScripts}). */
    record Row(String service, String what, String path, boolean authenticated, String ceilingOf) {}

    record Result(double perSecond, double p50, double p99) {}

    @Test
    void readPathsNextToTheirCeilings() throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() != 0) {
            throw new IllegalStateException("wrk is missing: apt-get install wrk");
        }
        Suite suite = Suite.get();
        StringBuilder report = new StringBuilder();
        report.append("JVM options of the services: ").append(jvmOptions()).append("\n\n");
        report.append("| service | started in | RSS after start |\n|---|---|---|\n");
        Map<String, Long> rssAfterStart = new LinkedHashMap<>();
        for (String service : EventHopBenchmark.SERVICES) {
            long rss = rss(suite.process(service).pid());
            rssAfterStart.put(service, rss);
            report.append(String.format("| %s | %s | %d MB |%n", service, startedIn(suite.log(service)), rss / 1024));
        }

        Seed.projects(suite, PROJECTS);
        suite.demoData();
        // partners-service's tiny read (one row by key), as /themes is projects-service's.
        suite.as("partners", Suite.KIEL)
                .body(Map.of("themes", List.of("Mobilität"), "countries", List.of("DK", "SE"), "regionIds", List.of()))
                .when()
                .put(INTERESTS)
                .then()
                .statusCode(200);

        String viewer = Suite.VIEWER;
        List<Row> rows = List.of(
                new Row("projects", "HTTP ceiling: /q/health/live (no auth)", "/q/health/live", false, null),
                new Row("projects", "authenticated ceiling: GET /themes", "/themes", true, null),
                new Row(
                        "projects",
                        "GET /projects?size=20&sort=quickWin",
                        "/projects?size=20&sort=quickWin",
                        true,
                        THEMES),
                new Row("projects", "same, page=400", "/projects?size=20&sort=quickWin&page=400", true, THEMES),
                new Row(
                        "projects",
                        "same, pages 0–499 walked in order (each computed: more pages than the cache holds)",
                        "/projects?size=20&sort=quickWin&page=*",
                        true,
                        THEMES),
                new Row(
                        "projects",
                        "same, pages 0–499 walked by their next links (after=…: each page seeks)",
                        "/projects?size=20&sort=quickWin&after=*",
                        true,
                        THEMES),
                new Row("projects", "GET /strategy/overview", "/strategy/overview", true, THEMES),
                // partners-service has no read as small as /themes (its one-row read, the interests,
                // loads three collections): its rows are compared with /themes, the same framework
                // on the same JVM options in the same run.
                new Row("partners", "one-row read: GET /shareholders/KIEL/interests", INTERESTS, true, THEMES),
                new Row("partners", "GET /relations?size=1", "/relations?size=1", true, THEMES),
                new Row("partners", "GET /partners?size=20", "/partners?size=20", true, THEMES));
        Map<String, Result> results = new LinkedHashMap<>();
        report.append("\n| endpoint | req/s | p50 | p99 | × ceiling |\n|---|---|---|---|---|\n");
        // Every endpoint warmed up before any is measured: the code they share (token checks, JSON,
        // the HTTP layer) is then compiled alike for all, and the order of the rows biases nothing.
        for (Row row : rows) {
            wrk(url(suite, row), row.authenticated() ? viewer : null, WARM_UP); // JIT, connections, caches
        }
        for (Row row : rows) {
            Result r = wrk(url(suite, row), row.authenticated() ? viewer : null, DURATION);
            results.put(row.service() + row.path(), r);
            Result ceiling = row.ceilingOf() == null ? null : results.get(row.ceilingOf());
            report.append(String.format(
                    "| %s: %s | %,.0f | %.1f ms | %.1f ms | %s |%n",
                    row.service(),
                    row.what(),
                    r.perSecond(),
                    r.p50(),
                    r.p99(),
                    ceiling == null ? "" : String.format("%.2f", r.perSecond() / ceiling.perSecond())));
        }
        report.append("\n| service | RSS after start | RSS after the load |\n|---|---|---|\n");
        for (var e : rssAfterStart.entrySet()) {
            report.append(String.format(
                    "| %s | %d MB | %d MB |%n",
                    e.getKey(),
                    e.getValue() / 1024,
                    rss(suite.process(e.getKey()).pid()) / 1024));
        }
        report.append("\n").append(EventHopBenchmark.warmUp(suite)).append(EventHopBenchmark.measure(suite, 200, 30));
        // Each service restarted alone while the rest runs, as a rolling update starts it.
        report.append(
                "\n| service | start alone: started in, RSS | the same with an AOT cache (JDK 25) |\n|---|---|---|\n");
        for (String service : EventHopBenchmark.SERVICES) {
            report.append(startAlone(suite, service));
        }
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "performance-benchmark.md"), report.toString());
    }

    /**
     * Restarts a service while the rest of the suite runs: once as the others started, then with
     * an AOT cache (JEP 483/514/515) that a training start recorded (written when it stopped).
     */
    private static String startAlone(Suite suite, String service) throws Exception {
        suite.stop(service);
        suite.restart(service);
        String plain = startFigures(suite, service);
        String aot = "needs JDK 25";
        if (Runtime.version().feature() >= 25) {
            Path cache = Path.of("target", "aot", service + ".aot").toAbsolutePath();
            Files.createDirectories(cache.getParent());
            Files.deleteIfExists(cache);
            suite.stop(service);
            suite.restart(service, List.of("-XX:AOTCacheOutput=" + cache));
            suite.stop(service);
            if (!Files.exists(cache)) {
                throw new IllegalStateException("the training start of " + service + " wrote no AOT cache");
            }
            suite.restart(service, List.of("-XX:AOTCache=" + cache));
            aot = startFigures(suite, service);
        }
        return String.format("| %s | %s | %s |%n", service, plain, aot);
    }

    /** The last "started in" of the service's log and its RSS two seconds after it became ready. */
    private static String startFigures(Suite suite, String service) throws Exception {
        Thread.sleep(2000);
        return startedIn(suite.log(service)) + ", " + rss(suite.process(service).pid()) / 1024 + " MB";
    }

    private static String url(Suite suite, Row row) {
        String base = row.path().startsWith("/q/") ? suite.management(row.service()) : suite.url(row.service());
        return base + row.path();
    }

    /** The services' JVM options, an argfile's lines included. */
    private static String jvmOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String option : Suite.JVM_OPTIONS) {
            if (option.startsWith("@")) {
                options.addAll(Files.readAllLines(Path.of(option.substring(1))).stream()
                        .map(String::trim)
                        .filter(l -> !l.isEmpty())
                        .toList());
            } else {
                options.add(option);
            }
        }
        return String.join(" ", options);
    }

    /** {@code wrk -t2 -c8} for {@code duration}: requests per second, p50 and p99 in ms; non-2xx answers fail. */
    private static Result wrk(String url, String token, String duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + duration, "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        if (url.contains("&after=*")) {
            command.addAll(List.of(
                    "-s",
                    WrkScripts.walkingPaths(nextLinks(url.replace("&after=*", ""), token, WALKED_PAGES))
                            .toString()));
        } else if (url.contains("page=*")) {
            String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
            command.addAll(
                    List.of("-s", WrkScripts.walkingPages(path, WALKED_PAGES).toString()));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = wrk.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        wrk.waitFor();
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException(url + " answered with errors under load:\n" + out);
        }
        return new Result(number(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "50%"), millis(out, "99%"));
    }

    /** The first {@code pages} pages of a list as its next links give them (path and query). */
    static List<String> nextLinks(String url, String token, int pages) throws IOException, InterruptedException {
        List<String> paths = new ArrayList<>();
        URI base = URI.create(url);
        String path = base.getRawPath() + "?" + base.getRawQuery();
        Pattern next = Pattern.compile("<([^>]*)>; rel=\"next\"");
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            while (path != null && paths.size() < pages) {
                paths.add(path);
                java.net.http.HttpResponse<Void> page = http.send(
                        java.net.http.HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                Matcher m = next.matcher(page.headers().firstValue("Link").orElse(""));
                path = m.find() ? m.group(1) : null;
            }
        }
        if (paths.size() < pages || !paths.get(pages - 1).contains("after=")) {
            throw new IllegalStateException("the next links of " + url + " gave " + paths.size() + " pages, " + pages
                    + " seeking ones expected");
        }
        return paths;
    }

    static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A latency percentile line of wrk ("50%  1.23ms", "99%  12.00us", "99%  1.02s") in ms. */
    static double millis(String out, String percentile) {
        Matcher m = Pattern.compile(percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in wrk's output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** Resident memory of a process in KB (Linux). */
    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** Quarkus' own figure from the log: "started in 1.234s". */
    private static String startedIn(Path log) throws IOException {
        Matcher m = Pattern.compile("started in ([\\d.]+)s").matcher(Files.readString(log));
        String last = "?";
        while (m.find()) {
            last = m.group(1) + " s";
        }
        return last;
    }
}
