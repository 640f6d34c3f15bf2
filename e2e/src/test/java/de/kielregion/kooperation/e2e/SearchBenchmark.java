package de.kielregion.kooperation.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Text search ({@code GET /projects?q=}) over many projects: titles of three words from a
 * vocabulary of 120, so a word matches about 2.5 % of the projects and two words about 0.06 %.
 * Measured side by side: with the trigram index (migration {@code project_search_trigram}) and
 * with it dropped for a moment; each query is asked once (a repeated one would come from the
 * snapshot cache). Prints the latencies and PostgreSQL's plan; asserts nothing about time:
 *
 * <pre>./mvnw -B -pl e2e -am verify -Pbenchmark -Dtest=SearchBenchmark [-Dsearch.projects=100000]</pre>
 */
class SearchBenchmark {

    /** Words of project titles (German, as the projects' own): 120 of them. */
    static final List<String> WORDS = List.of(
            "Hafen",
            "Radweg",
            "Wasserstoff",
            "Jugendaustausch",
            "Kulturnacht",
            "Fähre",
            "Windpark",
            "Forschung",
            "Hochschule",
            "Tourismus",
            "Fachkräfte",
            "Gesundheit",
            "Pflege",
            "Digitalisierung",
            "Mobilität",
            "Bahn",
            "Korridor",
            "Logistik",
            "Innovation",
            "Gründung",
            "Startup",
            "Netzwerk",
            "Messe",
            "Konferenz",
            "Sprache",
            "Schule",
            "Sport",
            "Segeln",
            "Meer",
            "Küste",
            "Klima",
            "Energie",
            "Wärme",
            "Biogas",
            "Solar",
            "Speicher",
            "Landwirtschaft",
            "Fischerei",
            "Aquakultur",
            "Lebensmittel",
            "Handwerk",
            "Ausbildung",
            "Praktikum",
            "Verwaltung",
            "Bürger",
            "Beteiligung",
            "Stadt",
            "Region",
            "Kreis",
            "Gemeinde",
            "Dorf",
            "Insel",
            "Brücke",
            "Tunnel",
            "Radverkehr",
            "Bus",
            "Carsharing",
            "Wohnen",
            "Bauen",
            "Holz",
            "Kreislauf",
            "Abfall",
            "Wasser",
            "Abwasser",
            "Naturschutz",
            "Moor",
            "Wald",
            "Strand",
            "Museum",
            "Theater",
            "Musik",
            "Festival",
            "Film",
            "Literatur",
            "Kunst",
            "Design",
            "Medien",
            "Daten",
            "Plattform",
            "Software",
            "Robotik",
            "Sensorik",
            "Meeresforschung",
            "Schiffbau",
            "Werft",
            "Offshore",
            "Kabel",
            "Strom",
            "Netz",
            "Smart",
            "Quartier",
            "Senioren",
            "Kinder",
            "Familie",
            "Integration",
            "Migration",
            "Partnerschaft",
            "Austausch",
            "Besuch",
            "Delegation",
            "Studie",
            "Analyse",
            "Strategie",
            "Leitbild",
            "Marke",
            "Standort",
            "Ansiedlung",
            "Cluster",
            "Labor",
            "Zentrum",
            "Akademie",
            "Werkstatt",
            "Campus",
            "Göteborg",
            "Aarhus",
            "Oslo",
            "Hamburg",
            "Kiel",
            "Plön",
            "Eckernförde",
            "Rendsburg");

    @Test
    void searchOverManyProjectsWithAndWithoutTheTrigramIndex() throws Exception {
        Suite suite = Suite.get();
        int projects = Integer.getInteger("search.projects", 100_000);
        long existing = suite.count("projects", "SELECT count(*) FROM project");
        Random random = new Random(30);
        Seed.projects(suite, projects, i -> word(random) + " " + word(random) + " " + word(random) + " " + i);
        suite.execute("projects", "ANALYZE project");
        long total = suite.count("projects", "SELECT count(*) FROM project");
        Set<String> asked = new HashSet<>();
        StringBuilder report = new StringBuilder(String.format(
                "Text search over %,d projects (%,d seeded here, titles of three of %d words)%n",
                total, total - existing, WORDS.size()));
        List<String> shuffled = new java.util.ArrayList<>(WORDS);
        java.util.Collections.shuffle(shuffled, new Random(7));
        report.append(measure(suite, "with the trigram index", shuffled.subList(0, 60), new Random(1), asked));
        report.append(plan(suite, "with the trigram index"));
        suite.execute("projects", "DROP INDEX project_search_key_trgm");
        try {
            report.append(measure(
                    suite,
                    "without it (each word a LIKE over every row)",
                    shuffled.subList(60, 120),
                    new Random(2),
                    asked));
            report.append(plan(suite, "without it"));
        } finally {
            suite.execute(
                    "projects", "CREATE INDEX project_search_key_trgm ON project USING gin (search_key gin_trgm_ops)");
        }
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "search-benchmark.txt"), report);
    }

    private static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    /**
     * Queries never asked before, one after another: 30 of two words to warm the path up (not
     * counted), then each of {@code words} alone, then 200 pairs of words; their latencies.
     */
    private static String measure(Suite suite, String what, List<String> words, Random random, Set<String> asked)
            throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram oneWord = new Histogram(3);
        Histogram twoWords = new Histogram(3);
        for (int n = 0; n < 30 + 200; ) {
            String q = (word(random) + " " + word(random)).toLowerCase();
            if (asked.add(q)) {
                long micros = search(suite, http, q);
                if (n >= 30) {
                    twoWords.recordValue(micros);
                }
                n++;
            }
        }
        for (String w : words) {
            oneWord.recordValue(search(suite, http, w.toLowerCase()));
        }
        return String.format(
                "%s: one word p50 %.1f ms, p99 %.1f ms (%d queries); two words p50 %.1f ms, p99 %.1f ms (%d queries)%n",
                what,
                oneWord.getValueAtPercentile(50) / 1000.0,
                oneWord.getValueAtPercentile(99) / 1000.0,
                oneWord.getTotalCount(),
                twoWords.getValueAtPercentile(50) / 1000.0,
                twoWords.getValueAtPercentile(99) / 1000.0,
                twoWords.getTotalCount());
    }

    /** One search's time in microseconds (the first page of 20, sorted by title). */
    private static long search(Suite suite, HttpClient http, String q) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(suite.url("projects") + "/projects?size=20&q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofMinutes(1))
                        .header("Authorization", "Bearer " + Suite.VIEWER)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - started) / 1000;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("q=" + q + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return micros;
    }

    /** PostgreSQL's plan of a two-word search as the list asks it (first page by title, the total counted beside it). */
    private static String plan(Suite suite, String what) {
        String[] lines = suite.ids(
                "projects",
                "EXPLAIN (ANALYZE, COSTS OFF) SELECT p.id, p.title, count(*) OVER () FROM project p"
                        + " WHERE p.search_key LIKE '%hafen%' AND p.search_key LIKE '%energie%'"
                        + " ORDER BY p.title, p.id LIMIT 20");
        return "  plan " + what + ":\n    " + String.join("\n    ", lines) + "\n";
    }
}
