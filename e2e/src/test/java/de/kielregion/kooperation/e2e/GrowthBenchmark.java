package de.kielregion.kooperation.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.e2e.GrowthPlot.Figure;
import de.kielregion.kooperation.e2e.PerformanceBenchmark.Result;
import de.kielregion.kooperation.infra.testing.WrkScripts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, how each read's cost grows with the data: the suite (services with the local
 * stack's JVM options, as {@link PerformanceBenchmark} runs them) with the demo data plus
 * {@link BulkSeed}'s data of size S ({@code -Dgrowth.size}, default 10,000: min(S, 100,000)
 * projects, S/50 partners, S activities and history entries), then {@code wrk -t2 -c8} against
 * each read path, every row warmed up 5 s before any is measured 5 s: the ceilings (liveness,
 * {@code /themes}), project pages (cached, walked by number, by next link, around the middle),
 * two-word text searches, the strategy overview (cached, and computed: it holds the reach report,
 * which has no path of its own), a partner, its history and the partner list, the strategy
 * document as PDF, and the portal's dashboard and project list with a signed-in session. Last, one
 * bulk push of 20,000 activities (the API's most) and the time until its events were published.
 * Writes {@code target/growth-<S>.md}, records the figures in {@code docs/growth/growth.tsv} (this
 * size's lines replaced) and redraws {@code docs/growth/growth.svg} and {@code growth.md} from all
 * sizes ({@link GrowthPlot}). Asserts nothing about time. One size per run, on a fresh suite:
 *
 * <pre>
 * ./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=GrowthBenchmark -Dgrowth.size=10000     (needs wrk)
 * ./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=GrowthBenchmark -Dgrowth.size=100000
 * ./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=GrowthBenchmark -Dgrowth.size=1000000
 * </pre>
 */
class GrowthBenchmark {

    private static final String WARM_UP = "5s";
    private static final String DURATION = "5s";
    /** Pages a walking row asks for in turn (fewer if the list has fewer). */
    private static final int WALKED_PAGES = 500;
    /**
     * Distinct two-word searches walked: more than the snapshot cache's 256 answers, so none is
     * still cached when it is asked again (see WrkScripts.walkingPages).
     */
    private static final int SEARCHES = 500;
    /** Times the strategy overview is computed (after 3 not counted). */
    private static final int COMPUTED = 20;
    /** Activities in the bulk push: the API's most (ActivityApi.MAX_BULK). */
    private static final int BULK = 20_000;

    private static final Path DOCS = Path.of("..", "docs", "growth");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A row: its key in growth.tsv, what it measures, the URL wrk asks, the headers it sends and,
     * for a walking row, the script that gives the paths in turn (null: the URL alone).
     */
    record Row(String key, String what, String url, List<String> headers, Path script) {}

    @Test
    void readCostsAtOneSize() throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() != 0) {
            throw new IllegalStateException("wrk is missing: apt-get install wrk");
        }
        int size = Integer.getInteger("growth.size", 10_000);
        Suite suite = Suite.get();
        suite.demoData();
        BulkSeed.Seeded seeded = BulkSeed.seed(suite, size);
        // Tokens and the portal session fresh after the seeding (a million rows take minutes).
        String viewer = suite.keycloak().user("vera.viewer", "demo-viewer");
        String portal = portalSession(suite, "vera.viewer", "demo-viewer");
        List<Row> rows = rows(suite, seeded, viewer, portal);

        // Every row warmed up before any is measured: the code they share is then compiled alike
        // for all, the pages walked are in PostgreSQL's buffers, and the order of the rows biases nothing.
        for (Row row : rows) {
            System.out.println("warming up: " + row.key());
            wrk(row, WARM_UP);
        }
        List<Figure> figures = new ArrayList<>();
        StringBuilder table = new StringBuilder("| row | what | req/s | p50 | p99 |\n|---|---|---:|---:|---:|\n");
        for (Row row : rows) {
            Result r = wrk(row, DURATION);
            figures.add(figure(size, row.key(), r, table, row.what()));
            if (row.key().equals("overview")) {
                figures.add(figure(
                        size,
                        "overview-computed",
                        computedOverview(suite, viewer),
                        table,
                        "GET /strategy/overview computed each time, the reach report with it (one client, " + COMPUTED
                                + " requests, each after a write that makes the cached answer stale)"));
            }
        }
        double[] bulk = bulkPush(suite, seeded);
        figures.add(figure(
                size,
                "bulk-push",
                new Result(BULK / bulk[0], bulk[0] * 1000, bulk[0] * 1000),
                table,
                "POST /shareholders/KIEL/activities/bulk of " + String.format("%,d", BULK)
                        + " new activities: the request (req/s: activities per second)"));
        figures.add(figure(
                size,
                "bulk-published",
                new Result(BULK / bulk[1], bulk[1] * 1000, bulk[1] * 1000),
                table,
                "the same push until all its events were published (partners-service's outbox empty)"));

        String report = String.format(
                        "Growth benchmark, size %,d: %,d projects in all (%,d seeded), %,d partners, %,d activities,"
                                + " %,d history entries seeded; wrk -t2 -c8, %s warm-up, %s measured%n%n",
                        size,
                        seeded.projectsInAll(),
                        seeded.projects(),
                        seeded.partners(),
                        seeded.activities(),
                        seeded.historyEntries(),
                        WARM_UP,
                        DURATION)
                + table;
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "growth-" + size + ".md"), report);
        GrowthPlot.record(DOCS, size, figures);
        System.out.println("recorded in " + DOCS.toAbsolutePath().normalize().resolve("growth.tsv")
                + ", growth.svg and growth.md redrawn");
    }

    /** The read paths at this size, with what their walks need (next links, search paths) prepared. */
    private static List<Row> rows(Suite suite, BulkSeed.Seeded seeded, String viewer, String portalCookies)
            throws Exception {
        String projects = suite.url("projects");
        String partners = suite.url("partners");
        String portal = suite.url("portal");
        List<String> bearer = List.of("Authorization: Bearer " + viewer);
        List<String> cookie = List.of("Cookie: " + portalCookies);
        int pages = (int) ((seeded.projectsInAll() + 19) / 20);
        int walked = Math.min(WALKED_PAGES, pages);
        String list = "/projects?size=20&sort=quickWin";
        // The deep pages: `walked` pages around the middle of the list (half of it before them).
        int firstDeep = Math.max(0, Math.min(pages / 2 - walked / 2, pages - walked));
        List<String> deep = IntStream.range(firstDeep, firstDeep + walked)
                .mapToObj(page -> list + "&page=" + page)
                .toList();
        UUID partner = BulkSeed.id("partner", 0);
        return List.of(
                new Row(
                        "health",
                        "HTTP ceiling: GET /q/health/live (no authentication)",
                        suite.management("projects") + "/q/health/live",
                        List.of(),
                        null),
                new Row("themes", "authenticated ceiling: GET /themes", projects + "/themes", bearer, null),
                new Row(
                        "projects-first-page",
                        "GET " + list + " (the same page again and again: cached)",
                        projects + list,
                        bearer,
                        null),
                new Row(
                        "projects-pages",
                        "same, pages 0–" + (walked - 1) + " walked in order (each computed)",
                        projects + list,
                        bearer,
                        WrkScripts.walkingPages(list + "&page=*", walked)),
                new Row(
                        "projects-next-links",
                        "same, " + walked + " pages walked by their next links (after=…: each page seeks)",
                        projects + list,
                        bearer,
                        WrkScripts.walkingPaths(PerformanceBenchmark.nextLinks(projects + list, viewer, walked))),
                new Row(
                        "projects-deep-pages",
                        "same, pages " + firstDeep + "–" + (firstDeep + walked - 1) + " of " + pages
                                + " walked (the middle of the list: half of it counted off)",
                        projects + list,
                        bearer,
                        WrkScripts.walkingPaths(deep)),
                new Row(
                        "projects-search",
                        "GET /projects?size=20&q=<two words> (" + SEARCHES
                                + " pairs walked, on average about 0.2 % of the seeded titles each)",
                        projects + "/projects?size=20",
                        bearer,
                        WrkScripts.walkingPaths(searches())),
                new Row("overview", "GET /strategy/overview (cached)", projects + "/strategy/overview", bearer, null),
                new Row(
                        "strategy-pdf",
                        "GET /strategy/document, Accept: application/pdf (kept while the database is unchanged)",
                        projects + "/strategy/document",
                        List.of("Authorization: Bearer " + viewer, "Accept: application/pdf"),
                        null),
                new Row("partner", "partners: GET /partners/{id}", partners + "/partners/" + partner, bearer, null),
                new Row(
                        "partner-history",
                        "partners: GET /partners/{id}/history (among all history entries)",
                        partners + "/partners/" + partner + "/history",
                        bearer,
                        null),
                new Row(
                        "partners-list",
                        "partners: GET /partners?size=20 (cached)",
                        partners + "/partners?size=20",
                        bearer,
                        null),
                new Row("portal-dashboard", "portal: GET / (the dashboard)", portal + "/", cookie, null),
                new Row(
                        "portal-projects",
                        "portal: GET /projects?sort=quickWin (its first page)",
                        portal + "/projects?sort=quickWin",
                        cookie,
                        null),
                new Row(
                        "portal-projects-pages",
                        "portal: the same list, pages 0–" + (walked - 1) + " walked in order",
                        portal + "/projects?sort=quickWin",
                        cookie,
                        WrkScripts.walkingPages("/projects?sort=quickWin&page=*", walked)));
    }

    /**
     * {@link #SEARCHES} searches of two words the seeded titles are made of: a first word (in
     * about 1 in 12 titles) and one of the others (in about 1 in 60), each pair once, as search
     * keys (what a user types, case and accents aside).
     */
    private static List<String> searches() {
        List<String> pairs = new ArrayList<>();
        for (String first : BulkSeed.FIRST_WORDS) {
            for (String other : SearchBenchmark.WORDS) {
                if (!BulkSeed.FIRST_WORDS.contains(other)) {
                    pairs.add("/projects?size=20&q="
                            + URLEncoder.encode(BulkSeed.key(first) + " " + BulkSeed.key(other), StandardCharsets.UTF_8)
                                    .replace("+", "%20"));
                }
            }
        }
        Collections.shuffle(pairs, new Random(30));
        return pairs.subList(0, SEARCHES);
    }

    /**
     * {@code wrk -t2 -c8} for {@code duration} with the row's headers and script: requests per
     * second, p50 and p99 in ms. A slow request counts up to 60 s (wrk's default gives up after 2
     * s and leaves it out of the latencies); a non-2xx answer (an expired portal session answers
     * 302) fails.
     */
    static Result wrk(Row row, String duration) throws IOException, InterruptedException {
        quiet();
        if (row.script() == null) {
            prime(row);
        }
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + duration, "--timeout", "60s", "--latency"));
        for (String header : row.headers()) {
            command.addAll(List.of("-H", header));
        }
        if (row.script() != null) {
            command.addAll(List.of("-s", row.script().toString()));
        }
        command.add(row.url());
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = wrk.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        wrk.waitFor();
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException(
                    row.key() + " (" + row.url() + ") answered with errors under load:\n" + out);
        }
        return new Result(
                PerformanceBenchmark.number(out, "Requests/sec:\\s+([\\d.]+)"),
                PerformanceBenchmark.millis(out, "50%"),
                PerformanceBenchmark.millis(out, "99%"));
    }

    /**
     * Waits (at most 3 minutes) until the machine is idle: less than a quarter of a core busy over
     * a second. A slow row's requests go on in the services after wrk has stopped (a PDF queued
     * behind seven others at a million rows); measured meanwhile, the next row would share the
     * cores with them.
     */
    static void quiet() throws IOException, InterruptedException {
        long started = System.nanoTime();
        long[] before = cpu();
        while (System.nanoTime() - started < Duration.ofMinutes(3).toNanos()) {
            Thread.sleep(1000);
            long[] now = cpu();
            double busy = (double) ((now[0] - before[0]) - (now[1] - before[1])) / Math.max(1, now[0] - before[0]);
            before = now;
            if (busy * Runtime.getRuntime().availableProcessors() < 0.25) {
                double waited = (System.nanoTime() - started) / 1e9;
                if (waited > 1.5) {
                    System.out.printf("... waited %.0f s for the machine to be idle%n", waited);
                }
                return;
            }
        }
        System.out.println("... the machine did not become idle within 3 minutes: measuring anyway");
    }

    /**
     * Asks a row's one URL once before wrk does: a cached row then measures the cached answer,
     * not the first of eight connections computing it after some write (a strategy overview of
     * 4 s at a million rows) while the rest wait.
     */
    private static void prime(Row row) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(row.url())).timeout(Duration.ofMinutes(5));
        for (String header : row.headers()) {
            int colon = header.indexOf(':');
            request.header(
                    header.substring(0, colon).trim(),
                    header.substring(colon + 1).trim());
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException(row.key() + " (" + row.url() + ") answered " + status);
            }
        }
    }

    /** All CPU time and the idle part of it since boot, in ticks (/proc/stat's first line). */
    private static long[] cpu() throws IOException {
        String[] fields =
                Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    }

    /**
     * The strategy overview computed each time: it is cached while the database is unchanged
     * (SnapshotCache), so before each request a transaction with an id ends (txid_current), and
     * the overview, with the reach report's aggregate queries over every project and activity,
     * is computed again. One client, one request at a time.
     */
    private static Result computedOverview(Suite suite, String token) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.url("projects") + "/strategy/overview"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .build();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 3 + COMPUTED; i++) {
            suite.execute("projects", "SELECT txid_current()");
            long started = System.nanoTime();
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            double ms = (System.nanoTime() - started) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the strategy overview answered " + answer.statusCode());
            }
            if (i >= 3) {
                millis.add(ms);
            }
        }
        Collections.sort(millis);
        double mean = millis.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Result(1000 / mean, percentile(millis, 50), percentile(millis, 99));
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /**
     * One bulk push of {@link #BULK} new activities of Kiel (themes and seeded partners, as the
     * seeded ones have): seconds until the answer ({@code [0]}) and until partners-service had
     * published all its events ({@code [1]}, from the push's start, as BacklogBenchmark measures).
     */
    private static double[] bulkPush(Suite suite, BulkSeed.Seeded seeded) throws Exception {
        Suite.await(
                Duration.ofMinutes(5),
                "partners-service published what was pending before the push",
                () -> suite.count("partners", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        String[] themes = suite.ids("projects", "SELECT name FROM theme ORDER BY name LIMIT 1");
        String theme = themes.length == 0 ? "Mobilität" : themes[0];
        List<Map<String, Object>> activities = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("externalId", "growth-push-" + i);
            activity.put(
                    "title", "Wachstumsprobe " + SearchBenchmark.WORDS.get(i % SearchBenchmark.WORDS.size()) + " " + i);
            activity.put("kind", "EXCHANGE");
            activity.put("yearFrom", 2026);
            activity.put("themes", List.of(theme));
            activity.put(
                    "partnerIds",
                    List.of(BulkSeed.id("partner", i % seeded.partners()).toString()));
            activities.add(activity);
        }
        String body = JSON.writeValueAsString(Map.of("activities", activities));
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(suite.url("partners") + "/shareholders/KIEL/activities/bulk"))
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + Suite.shareholder("KIEL"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double pushed = (System.nanoTime() - started) / 1e9;
        if (answer.statusCode() != 200 && answer.statusCode() != 201) {
            throw new IllegalStateException("the bulk push answered " + answer.statusCode() + ": " + answer.body());
        }
        Suite.await(
                Duration.ofMinutes(30),
                "partners-service published the bulk push's events",
                () -> suite.count("partners", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        double published = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "bulk push of %,d: answered after %.1f s, all published after %.1f s%n", BULK, pushed, published);
        return new double[] {pushed, published};
    }

    /** A row's figure for growth.tsv, its line added to the report's table. */
    private static Figure figure(long size, String key, Result r, StringBuilder table, String what) {
        table.append(String.format(
                Locale.ROOT,
                "| %s | %s | %,.0f | %s ms | %s ms |%n",
                key,
                what,
                r.perSecond(),
                GrowthPlot.millis(r.p50()),
                GrowthPlot.millis(r.p99())));
        System.out.printf(
                "%-24s %,10.0f req/s  p50 %8s ms  p99 %8s ms%n",
                key, r.perSecond(), GrowthPlot.millis(r.p50()), GrowthPlot.millis(r.p99()));
        return new Figure(size, key, r.perSecond(), r.p50(), r.p99());
    }

    /**
     * A signed-in portal session as wrk can carry it: the portal's cookies as one header value.
     * The authorization code flow a browser goes through, by plain HTTP: the portal sends the
     * client to Keycloak's log-in form, the form is posted, Keycloak sends it back with a code,
     * the portal exchanges it and sets its session cookie. (PortalBenchmark signs in with a real
     * Chromium; its helper is the portal package's own.) Keycloak's cookies are Secure, which
     * java.net's cookie store keeps from plain HTTP: both origins' cookies are carried by hand.
     */
    static String portalSession(Suite suite, String user, String password) throws Exception {
        String portal = suite.url("portal");
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Map<String, String> portalCookies = new LinkedHashMap<>();
        Map<String, String> keycloakCookies = new LinkedHashMap<>();
        HttpResponse<String> answer = follow(
                http,
                send(http, get(portal + "/"), portal, portalCookies, keycloakCookies),
                portal,
                portalCookies,
                keycloakCookies);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || answer.uri().toString().startsWith(portal) || !action.find()) {
            throw new IllegalStateException(
                    "the portal did not send to Keycloak's log-in form: " + answer.statusCode() + " " + answer.uri());
        }
        HttpRequest.Builder form = HttpRequest.newBuilder(
                        URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        answer = follow(
                http, send(http, form, portal, portalCookies, keycloakCookies), portal, portalCookies, keycloakCookies);
        if (answer.statusCode() != 200 || !answer.uri().toString().startsWith(portal) || portalCookies.isEmpty()) {
            throw new IllegalStateException(
                    "the portal log-in of " + user + " ended at " + answer.statusCode() + " " + answer.uri());
        }
        return String.join(
                "; ",
                portalCookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue())
                        .toList());
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
    }

    /** Follows redirects (at most 10) with the cookies of each origin. */
    private static HttpResponse<String> follow(
            HttpClient http,
            HttpResponse<String> answer,
            String portal,
            Map<String, String> portalCookies,
            Map<String, String> keycloakCookies)
            throws IOException, InterruptedException {
        for (int hops = 0; answer.statusCode() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new IllegalStateException("more than 10 redirects from " + answer.uri());
            }
            String location = answer.uri()
                    .resolve(answer.headers().firstValue("Location").orElseThrow())
                    .toString();
            answer = send(http, get(location), portal, portalCookies, keycloakCookies);
        }
        return answer;
    }

    /** Sends a request with its origin's cookies and keeps the cookies the answer sets or deletes. */
    private static HttpResponse<String> send(
            HttpClient http,
            HttpRequest.Builder request,
            String portal,
            Map<String, String> portalCookies,
            Map<String, String> keycloakCookies)
            throws IOException, InterruptedException {
        HttpRequest built = request.copy().build();
        Map<String, String> jar = built.uri().toString().startsWith(portal) ? portalCookies : keycloakCookies;
        if (!jar.isEmpty()) {
            request.header(
                    "Cookie",
                    String.join(
                            "; ",
                            jar.entrySet().stream()
                                    .map(c -> c.getKey() + "=" + c.getValue())
                                    .toList()));
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : answer.headers().allValues("Set-Cookie")) {
            int equals = set.indexOf('=');
            int end = set.indexOf(';') < 0 ? set.length() : set.indexOf(';');
            if (equals < 0 || equals > end) {
                continue;
            }
            String name = set.substring(0, equals).trim();
            String value = set.substring(equals + 1, end).trim();
            if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return answer;
    }
}
