package de.kielregion.kooperation.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the situation of the workshop "Kooperation im Ostseeraum" (KielRegion's regional
 * conference 2024) through the public APIs, once: the goal, the theme, the four measures with
 * all their fields, open questions and next steps, the partners, the cooperation area
 * "Korridor Hamburg–Oslo", STRING and UBC with their membership decisions pending, a first
 * project idea. Fees and budget amounts are demo assumptions, marked as such.
 *
 * <pre>java ... DemoData PARTNERS_URL PROJECTS_URL MEMBERSHIPS_URL TOKEN_URL CLIENT_ID CLIENT_SECRET</pre>
 *
 * The token comes from the OIDC token endpoint by client credentials (Keycloak's demo-loader).
 */
public final class DemoData {

    public static final String THEME = "Mobilität ländlicher Raum";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String partners;
    private final String projects;
    private final String memberships;
    private final String token;

    public DemoData(String partners, String projects, String memberships, String token) {
        this.partners = partners;
        this.projects = projects;
        this.memberships = memberships;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println(
                    "usage: DemoData PARTNERS_URL PROJECTS_URL MEMBERSHIPS_URL TOKEN_URL CLIENT_ID " + "CLIENT_SECRET");
            System.exit(2);
        }
        try {
            System.out.println(
                    "[demo] " + new DemoData(args[0], args[1], args[2], token(args[3], args[4], args[5])).load());
        } catch (IOException e) {
            System.err.println("[demo] Could not load the demo data: " + e.getMessage());
            System.exit(1);
        }
    }

    /** An access token by the client-credentials grant. */
    static String token(String tokenUrl, String clientId, String secret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id="
                + java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8) + "&client_secret="
                + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tokenUrl))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** Loads the demo data unless it is there already; says which. */
    public String load() throws IOException, InterruptedException {
        for (JsonNode theme : get(projects + "/themes")) {
            if (THEME.equals(theme.path("name").asText())) {
                return "the workshop's demo data is loaded already";
            }
        }
        String goal = post(
                        projects + "/goals",
                        Map.of(
                                "title",
                                "Kooperation im Ostseeraum gestalten",
                                "description",
                                "Die KielRegion legt Ziele der Kooperation im Ostseeraum fest, entwickelt geeignete Aktivitäten und "
                                        + "entscheidet über mögliche Mitgliedschaften in Organisationen. Die bestehenden internationalen "
                                        + "Aktivitäten der Landeshauptstadt Kiel und der Kreise Rendsburg-Eckernförde und Plön sind zu "
                                        + "integrieren."))
                .path("id")
                .asText();
        String theme = post(
                        projects + "/themes",
                        Map.of("name", THEME, "description", "Beispiel-Handlungsfeld aus Maßnahme 1 des Workshops"))
                .path("id")
                .asText();

        String m1 = measure(
                1,
                "Internationale Kooperation auf Basis von konkreten Projekten",
                "Ziele und Handlungsfelder werden in Projekte überführt.",
                "Themen identifizieren: z.B. Mobilität ländlicher Raum, Partner finden, Projekte umsetzen.",
                "Verwaltungsspitzen, Expert:innen der konkreten Themen",
                "Verantwortliche Mitarbeiter*in bei KielRegion. Mitgliedsbeiträge. Projektmittel.",
                theme);
        for (String q : List.of(
                "Ziele",
                "Themen",
                "Geographie",
                "Schwerpunktpartner",
                "Mitgliedschaften in Organisationen",
                "Ressourcen",
                "Interessen der Shareholder der KielRegion")) {
            question(m1, q, List.of());
        }
        step(
                m1,
                "Entscheidung über Ziele, Themen, Geographie, Schwerpunktpartner, Organisationen",
                "Aufsichtsrat der KielRegion");
        step(m1, "Personelle und finanzielle Ressourcen zur Verfügung stellen", "Gesellschafter der KielRegion");

        String m2 = measure(
                2,
                "Maßnahmenfokus entwickeln",
                null,
                "Konzentration auf zügig umzusetzende Projekte",
                null,
                "Müssen fokussiert werden",
                null);
        question(m2, "In welchen Themenfeldern soll die KR international kooperieren?", List.of());

        String m3 = measure(
                3,
                "Fokus auf einen Kooperationsraum",
                "Konzentration auf Korridor Hamburg-Oslo mit den Schwerpunktpartnern Göteborg und Aarhus.",
                "Potentialanalyse Kooperationsraum. Entscheidung AR über Strategie.",
                "Verwaltungsspitzen, AR",
                null,
                null);
        question(m3, "Mitgliedschaft STRING & UBC", List.of("STRING", "UBC"));
        step(m3, "Potentialanalyse des Kooperationsraums Korridor Hamburg–Oslo erstellen", "KielRegion");
        step(m3, "Entscheidung des Aufsichtsrats über die Strategie vorbereiten", "KielRegion, Geschäftsführung");

        String m4 = measure(
                4,
                "Bestehende Kooperationen Kiel-Aarhus-Göteborg noch stärker auf Regionen ausweiten",
                null,
                "Regionen (ländlicher Raum) in Städtekooperationen einbeziehen.",
                "Verwaltungsspitzen",
                null,
                null);
        question(m4, "Etablierung eines Teams bei der KR speziell für internationale Kooperationen.", List.of());

        // Measure 4 widens the city cooperation to the regions around the cities: the regions of
        // Aarhus and Göteborg, and towns and rural municipalities in them (EU degree of urbanisation).
        String midtjylland =
                partner("Region Midtjylland", "Region Midtjylland", "REGION", "DK", 56.4532, 9.4020, null, null);
        String vastraGotaland =
                partner("Västra Götaland", "Västra Götalandsregionen", "REGION", "SE", 58.3806, 12.3234, null, null);
        String aarhus = partner("Aarhus", "Aarhus Kommune", "CITY", "DK", 56.1629, 10.2039, "CITY", midtjylland);
        String goteborg = partner("Göteborg", "Göteborgs Stad", "CITY", "SE", 57.7089, 11.9746, "CITY", vastraGotaland);
        String hamburg =
                partner("Hamburg", "Freie und Hansestadt Hamburg", "CITY", "DE", 53.5511, 9.9937, "CITY", null);
        String oslo = partner("Oslo", "Oslo kommune", "CITY", "NO", 59.9139, 10.7522, "CITY", null);
        String kiel = partner("Kiel", "Landeshauptstadt Kiel", "CITY", "DE", 54.3233, 10.1228, "CITY", null);
        partner("Rendsburg-Eckernförde", "Kreis Rendsburg-Eckernförde", "DISTRICT", "DE", 54.3, 9.67, "RURAL", null);
        partner("Plön", "Kreis Plön", "DISTRICT", "DE", 54.16, 10.42, "RURAL", null);
        String skanderborg =
                partner("Skanderborg", "Skanderborg Kommune", "CITY", "DK", 56.0338, 9.9277, "TOWN", midtjylland);
        String samso = partner("Samsø", "Samsø Kommune", "CITY", "DK", 55.8700, 10.6200, "RURAL", midtjylland);
        String lerum = partner("Lerum", "Lerums kommun", "CITY", "SE", 57.7705, 12.2690, "TOWN", vastraGotaland);
        for (String p : List.of(aarhus, goteborg)) {
            post(
                    partners + "/relations",
                    Map.of(
                            "shareholder",
                            "KIEL",
                            "partnerId",
                            p,
                            "kind",
                            "PROJECT_PARTNER",
                            "status",
                            "ACTIVE",
                            "note",
                            "Bestehende Städtekooperation Kiel–Aarhus–Göteborg (Maßnahme 4)"));
        }
        post(
                partners + "/relations",
                Map.of(
                        "shareholder",
                        "PLOEN",
                        "partnerId",
                        samso,
                        "kind",
                        "PROJECT_PARTNER",
                        "status",
                        "ACTIVE",
                        "note",
                        "Energieinseln: Austausch zwischen ländlichen Gemeinden (Maßnahme 4)"));
        post(
                partners + "/relations",
                Map.of(
                        "shareholder",
                        "RENDSBURG_ECKERNFOERDE",
                        "partnerId",
                        lerum,
                        "kind",
                        "PROJECT_PARTNER",
                        "status",
                        "ACTIVE",
                        "note",
                        "Ländlicher ÖPNV im Umland der Städte (Maßnahme 4)"));
        post(
                partners + "/cooperation-areas",
                Map.of(
                        "name",
                        "Korridor Hamburg–Oslo",
                        "description",
                        "Kooperationsraum der Maßnahme 3 mit den Schwerpunktpartnern Göteborg und Aarhus; Potentialanalyse "
                                + "und Entscheidung des Aufsichtsrats stehen aus.",
                        "memberIds",
                        List.of(hamburg, kiel, aarhus, goteborg, oslo)));

        String string = post(
                        memberships + "/organisations",
                        Map.of(
                                "name",
                                "STRING",
                                "acronym",
                                "STRING",
                                "kind",
                                "REGIONAL_COOPERATION",
                                "seatCountry",
                                "DK",
                                "description",
                                "Politische Kooperation von Regionen und Städten im Korridor Hamburg–Öresund–Oslo.",
                                "feeModel",
                                Map.of("type", "FLAT", "flatFee", "10000.00"),
                                "themes",
                                List.of("Mobilität", "Grüne Wirtschaft")))
                .path("id")
                .asText();
        String ubc = post(
                        memberships + "/organisations",
                        Map.of(
                                "name",
                                "Union of the Baltic Cities",
                                "acronym",
                                "UBC",
                                "kind",
                                "CITY_NETWORK",
                                "seatCountry",
                                "PL",
                                "website",
                                "https://www.ubc.net",
                                "description",
                                "Netzwerk der Städte des Ostseeraums.",
                                "feeModel",
                                Map.of("type", "FLAT", "flatFee", "3900.00")))
                .path("id")
                .asText();
        String note = "Beitrag: Demo-Annahme, vor der Entscheidung prüfen.";
        post(
                memberships + "/memberships",
                Map.of(
                        "holder",
                        "KIELREGION",
                        "organisationId",
                        string,
                        "yearlyFee",
                        "10000.00",
                        "obligations",
                        note,
                        "expectedBenefits",
                        "Zugang zur Korridor-Kooperation Hamburg–Oslo (Maßnahme 3)"));
        String ubcMembership = post(
                        memberships + "/memberships",
                        Map.of(
                                "holder",
                                "KIELREGION",
                                "organisationId",
                                ubc,
                                "yearlyFee",
                                "3900.00",
                                "obligations",
                                note,
                                "expectedBenefits",
                                "Netzwerk der Ostseestädte, Arbeitsgruppen zu Mobilität und Klima"))
                .path("id")
                .asText();
        post(memberships + "/memberships/" + ubcMembership + "/status", Map.of("status", "UNDER_REVIEW"));

        int year = LocalDate.now().getYear();
        put(projects + "/budget/" + year + "/lines/STAFF", Map.of("amount", "1.00"));
        put(projects + "/budget/" + year + "/lines/MEMBERSHIP_FEES", Map.of("amount", "15000.00"));
        put(projects + "/budget/" + year + "/lines/PROJECT_FUNDS", Map.of("amount", "50000.00"));

        // The partner replica of projects-service fills from events: retry until it knows them.
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("title", "Mobilität im ländlichen Raum");
        project.put("summary", "Erstes Projekt nach Maßnahme 1: ländliche Mobilität mit den Schwerpunktpartnern");
        project.put("themeIds", List.of(theme));
        project.put("measureId", m1);
        project.put("shareholders", List.of("KIEL", "RENDSBURG_ECKERNFOERDE", "PLOEN"));
        project.put(
                "partners",
                List.of(
                        Map.of("partnerId", aarhus, "role", "PARTNER"),
                        Map.of("partnerId", goteborg, "role", "PARTNER")));
        String mobility = propose(project);
        Map<String, Object> rural = new LinkedHashMap<>();
        rural.put("title", "Rufbusse für Dörfer: Plön und Skanderborg");
        rural.put(
                "summary",
                "Maßnahme 4: die Städtekooperation erreicht den ländlichen Raum; On-Demand-Verkehr im Kreis Plön und "
                        + "in Skanderborg (Region Midtjylland) im Vergleich");
        rural.put("themeIds", List.of(theme));
        rural.put("measureId", m4);
        rural.put("shareholders", List.of("PLOEN"));
        rural.put(
                "partners",
                List.of(
                        Map.of("partnerId", skanderborg, "role", "PARTNER"),
                        Map.of("partnerId", midtjylland, "role", "ASSOCIATED")));
        String buses = propose(rural);
        results(goal, List.of(m1, m4), mobility, buses);
        meeting();
        return "loaded the workshop's demo data: 4 measures, 10 open questions, 4 next steps, 12 partners (cities, "
                + "their regions, towns and rural municipalities), the corridor Hamburg–Oslo, STRING and UBC with "
                + "decisions pending, two project ideas with a small work plan, an indicator and a reporting period "
                + "each (one report accepted, one overdue), a supervisory-board meeting in six weeks whose agenda "
                + "holds what waits for a decision";
    }

    /**
     * The workshop hands the strategy to the supervisory board: its next meeting, six weeks ahead,
     * with everything that waits for a decision on its agenda (the strategy, the open questions;
     * memberships join once projects-service has heard of them, from the meeting's page).
     */
    private void meeting() throws IOException, InterruptedException {
        LocalDate day = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusWeeks(6);
        String meeting = post(
                        projects + "/board-meetings",
                        Map.of(
                                "body", "SUPERVISORY_BOARD",
                                "meetsOn", day.toString(),
                                "title", "Aufsichtsrat: Internationalisierungsstrategie",
                                "place", "Kiel, KielRegion GmbH"))
                .path("id")
                .asText();
        post(projects + "/board-meetings/" + meeting + "/agenda/pending", null);
    }

    /**
     * The way to results, so that the results dashboard shows something on the first start: the
     * goal gets an indicator and its measures, each project idea serves it with a work package, two
     * milestones, an indicator that counts towards the goal's and the last half-year as reporting
     * period. The first project's report is accepted; the second's is overdue, as is one of its
     * milestones.
     */
    private void results(String goal, List<String> measures, String mobility, String buses)
            throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        int year = today.getYear();
        // The last half-year that has ended: its report is due 30 days after its end.
        LocalDate start = today.getMonthValue() <= 6 ? LocalDate.of(year - 1, 7, 1) : LocalDate.of(year, 1, 1);
        LocalDate end = start.plusMonths(6).minusDays(1);
        String goalIndicator = post(
                        projects + "/goals/" + goal + "/indicators",
                        Map.of(
                                "kind", "OUTPUT",
                                "name", "Gemeinsame Vorhaben mit Partnern im Ostseeraum",
                                "unit", "COUNT",
                                "baseline", 0,
                                "targets",
                                        List.of(
                                                Map.of("year", year, "target", 4),
                                                Map.of("year", year + 1, "target", 8))))
                .path("id")
                .asText();
        for (String measure : measures) {
            put(projects + "/measures/" + measure + "/goals", Map.of("goalIds", List.of(goal)));
        }
        for (String project : List.of(mobility, buses)) {
            put(projects + "/projects/" + project + "/goals", Map.of("goalIds", List.of(goal)));
        }

        JsonNode first = plan(
                mobility,
                "Austausch mit Aarhus und Göteborg aufbauen",
                "Auftakttreffen mit den Schwerpunktpartnern",
                start.plusMonths(2),
                "Gemeinsamer Förderantrag eingereicht",
                today.plusDays(60),
                goalIndicator,
                "Vereinbarte gemeinsame Vorhaben",
                start,
                end);
        post(
                projects + "/milestones/"
                        + first.path("workPackages")
                                .path(0)
                                .path("milestones")
                                .path(0)
                                .path("id")
                                .asText() + "/status",
                Map.of("status", "REACHED", "on", start.plusMonths(2).toString()));
        String period = first.path("periods").path(0).path("id").asText();
        String indicator = first.path("indicators").path(0).path("id").asText();
        JsonNode written = put(
                projects + "/reporting-periods/" + period + "/report",
                Map.of(
                        "narrative",
                        "Auftakttreffen in Kiel mit Vertreterinnen und Vertretern aus Aarhus und Göteborg; ein gemeinsames "
                                + "Vorhaben zur ländlichen Mobilität ist vereinbart, ein Förderantrag in Vorbereitung.",
                        "values",
                        List.of(Map.of("indicatorId", indicator, "value", 1))));
        String report =
                written.path("periods").path(0).path("report").path("id").asText();
        post(projects + "/reports/" + report + "/submit", Map.of());
        post(projects + "/reports/" + report + "/accept", Map.of("comment", "Danke, angenommen."));

        plan(
                buses,
                "Rufbus-Angebote vergleichen",
                "Datenaustausch mit Skanderborg vereinbart",
                today.minusDays(14),
                "Studienreise nach Skanderborg",
                today.plusDays(90),
                goalIndicator,
                "Gemeinsame Vorhaben mit Skanderborg",
                start,
                end);
    }

    /** A work package with two milestones, an indicator towards the goal's, one reporting period; the project's results after. */
    private JsonNode plan(
            String project,
            String workPackage,
            String firstMilestone,
            LocalDate firstDue,
            String secondMilestone,
            LocalDate secondDue,
            String goalIndicator,
            String indicator,
            LocalDate start,
            LocalDate end)
            throws IOException, InterruptedException {
        String base = projects + "/projects/" + project;
        String wp = post(base + "/work-packages", Map.of("title", workPackage))
                .path("workPackages")
                .path(0)
                .path("id")
                .asText();
        post(base + "/milestones", Map.of("workPackageId", wp, "title", firstMilestone, "dueOn", firstDue.toString()));
        post(
                base + "/milestones",
                Map.of("workPackageId", wp, "title", secondMilestone, "dueOn", secondDue.toString()));
        post(
                base + "/indicators",
                Map.of(
                        "kind",
                        "OUTPUT",
                        "name",
                        indicator,
                        "unit",
                        "COUNT",
                        "contributesTo",
                        goalIndicator,
                        "targets",
                        List.of(Map.of("year", end.getYear() + 1, "target", 2))));
        return post(base + "/reporting-periods", Map.of("startsOn", start.toString(), "endsOn", end.toString()));
    }

    /** Proposes a project once projects-service's partner replica (filled from events) knows its partners; its id. */
    private String propose(Map<String, Object> project) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = send("POST", projects + "/projects", project);
            if (response.statusCode() == 201) {
                return JSON.readTree(response.body()).path("id").asText();
            }
            if (response.statusCode() != 400 || System.nanoTime() > deadline) {
                throw new IOException("POST /projects answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(250);
        }
    }

    private String measure(
            int number, String title, String description, String what, String who, String resources, String theme)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("title", title);
        body.put("description", description);
        body.put("whatMustHappen", what);
        body.put("whoMustBeInvolved", who);
        body.put("resourcesNeeded", resources);
        body.put("timeline", "ASAP");
        body.put("themeIds", theme == null ? List.of() : List.of(theme));
        return post(projects + "/measures", body).path("id").asText();
    }

    private void question(String measure, String text, List<String> organisations)
            throws IOException, InterruptedException {
        post(projects + "/open-questions", Map.of("measureId", measure, "text", text, "organisations", organisations));
    }

    private void step(String measure, String title, String owner) throws IOException, InterruptedException {
        post(projects + "/next-steps", Map.of("measureId", measure, "title", title, "owner", owner));
    }

    private String partner(
            String name,
            String localName,
            String type,
            String country,
            double lat,
            double lon,
            String urbanisation,
            String parentRegionId)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("localName", localName);
        body.put("type", type);
        body.put("country", country);
        body.put("coordinates", Map.of("latitude", lat, "longitude", lon));
        body.put("urbanisation", urbanisation);
        body.put("parentRegionId", parentRegionId);
        return post(partners + "/partners", body).path("id").asText();
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", url, null);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode post(String url, Object body) throws IOException, InterruptedException {
        return expect(send("POST", url, body), url);
    }

    private JsonNode put(String url, Object body) throws IOException, InterruptedException {
        return expect(send("PUT", url, body), url);
    }

    private static JsonNode expect(HttpResponse<String> response, String url) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String url, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            Map<String, Object> clean = new LinkedHashMap<>();
            if (body instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    if (v != null) {
                        clean.put(String.valueOf(k), v);
                    }
                });
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(clean)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
