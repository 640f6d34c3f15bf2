package de.kielregion.kooperation.e2e.portal;

import de.kielregion.kooperation.e2e.Seed;
import de.kielregion.kooperation.e2e.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The portal's pages under the workshop's demo data plus 10,000 projects: time of a page as
 * one signed-in client sees it on loopback (portal + the services it calls, the whole server
 * side), and the bytes of JavaScript and CSS a browser loads on its first visit. Prints
 * figures, asserts nothing about time:
 *
 * <pre>./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=PortalBenchmark</pre>
 */
class PortalBenchmark {

    private static final int PROJECTS = 10_000;
    private static final int SAMPLES = 300;

    @Test
    void pagesWithTenThousandProjects() throws Exception {
        Suite suite = Suite.get();
        suite.demoData();
        Seed.projects(suite, PROJECTS);
        String cookies;
        try (Browser vera = new Browser(suite.url("portal"), "de-DE").login("vera.viewer", "demo-viewer")) {
            cookies = vera.raw().manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
        }
        HttpClient http = HttpClient.newHttpClient();
        StringBuilder report = new StringBuilder(String.format(
                "Portal, demo data + %,d projects, one client, %d " + "requests per page after 50 warm-up requests:%n",
                PROJECTS, SAMPLES));
        String measure = suite.as("projects", Suite.COORDINATOR)
                .when()
                .get("/measures")
                .then()
                .extract()
                .path("[0].id");
        String project = suite.as("projects", Suite.COORDINATOR)
                .queryParam("size", 1)
                .when()
                .get("/projects")
                .then()
                .extract()
                .path("items[0].id");
        String area = suite.as("partners", Suite.COORDINATOR)
                .when()
                .get("/cooperation-areas")
                .then()
                .extract()
                .path("items[0].id");
        for (String page : List.of(
                "/",
                "/projects?sort=quickWin",
                "/projects?sort=quickWin&page=250",
                "/projects/" + project,
                "/partners",
                "/decisions",
                "/plan",
                "/plan/measures/" + measure,
                "/budget",
                "/areas/" + area,
                "/memberships")) {
            report.append(measure(http, suite.url("portal") + page, cookies, page));
        }
        report.append(assets(http, suite.url("portal"), cookies));
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "portal-benchmark.txt"), report);
    }

    private static String measure(HttpClient http, String url, String cookies, String name) throws Exception {
        for (int i = 0; i < 50; i++) {
            get(http, url, cookies, false);
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        long bytes = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            bytes = get(http, url, cookies, false).body().length;
            histogram.recordValue((System.nanoTime() - t) / 1000);
        }
        return String.format(
                "  %-52s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%,d bytes of HTML)%n",
                name,
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                bytes);
    }

    /** JS and CSS of a first visit to the dashboard (and the partners page with its map), raw and gzip. */
    private static String assets(HttpClient http, String portal, String cookies) throws Exception {
        List<String> dashboard = List.of("/css/portal.css", "/js/portal.js", "/webjars/htmx.org/dist/htmx.min.js");
        List<String> map = List.of(
                "/webjars/leaflet/dist/leaflet.js",
                "/webjars/leaflet/dist/leaflet.css",
                "/js/map.js",
                "/vendor/topojson-client/dist/topojson-client.min.js",
                "/vendor/world-atlas/countries-50m.json");
        return String.format(
                "  JS+CSS on first load: dashboard %,d bytes (%,d gzip); partners page adds the map %,d "
                        + "bytes (%,d gzip)%n",
                size(http, portal, dashboard, cookies, false),
                size(http, portal, dashboard, cookies, true),
                size(http, portal, map, cookies, false),
                size(http, portal, map, cookies, true));
    }

    private static long size(HttpClient http, String portal, List<String> paths, String cookies, boolean gzip)
            throws Exception {
        long total = 0;
        for (String path : paths) {
            HttpResponse<byte[]> response = get(http, portal + path, cookies, gzip);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + response.statusCode());
            }
            total += response.body().length;
        }
        return total;
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url, String cookies, boolean gzip)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + response.statusCode());
        }
        return response;
    }
}
