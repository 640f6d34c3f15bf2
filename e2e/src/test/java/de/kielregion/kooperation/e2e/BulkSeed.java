package de.kielregion.kooperation.e2e;

import de.kielregion.kooperation.contracts.Shareholder;
import de.kielregion.kooperation.platform.text.SearchText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Data for the growth benchmark (issue 30), written fast straight into the services' databases:
 * a few {@code INSERT ... SELECT FROM generate_series} statements per table instead of requests,
 * so that a million rows take minutes, not hours. For a size S:
 *
 * <ul>
 *   <li>projects-service: min(S, 100,000) projects with their themes, shareholders, partners and
 *       financing; the partner replica of the seeded partners; the seeded activities' replica
 *       (existing_activity with its themes and partners, as ActivityUpserted leaves it);
 *   <li>partners-service: S/50 partners (at least 10) with a history entry each, S shareholder
 *       activities with their themes and partners and a history entry each (audit_entry, as the
 *       platform's ChangeLog writes it);
 *   <li>memberships-service: the partner-name replica of the seeded partners. Memberships
 *       themselves do not grow with the data (one open membership per holder and organisation,
 *       4 holders): they are left as the demo data has them.
 * </ul>
 *
 * Every value is one the application writes itself (enum names, the search key as {@code
 * SearchText} spells it, the quick-win score as {@code QuickWin} computes it), so reading the rows
 * through the API works. Values come from an MD5 of the row's number: the same every run, varied
 * enough for sorts and filters. Ids are {@code md5('growth-<kind>-' || n)::uuid}, the same in every
 * database, so replicas match their originals without copying ids between databases. No events
 * are written: the rows stand for changes whose events were published and applied long ago.
 * Run once on a fresh suite after {@link Suite#demoData()}; a second call finds the rows and
 * writes nothing.
 */
final class BulkSeed {

    /** Projects grow with S up to this many (a region has more activities than projects). */
    static final int MAX_PROJECTS = 100_000;

    /** Project titles start with one of these (each about 1 in 12 titles): two-word searches match a moderate share. */
    static final List<String> FIRST_WORDS = SearchBenchmark.WORDS.subList(0, 12);

    /** ProjectStatus names, weighted (20 entries): most projects are ideas or proposals. */
    private static final List<String> STATUSES = List.of(
            "IDEA",
            "IDEA",
            "IDEA",
            "IDEA",
            "IDEA",
            "PROPOSED",
            "PROPOSED",
            "PROPOSED",
            "PROPOSED",
            "APPROVED",
            "APPROVED",
            "APPROVED_WITH_CONDITIONS",
            "REJECTED",
            "DEFERRED",
            "RESOURCED",
            "IN_PROGRESS",
            "IN_PROGRESS",
            "IN_PROGRESS",
            "COMPLETED",
            "CANCELLED");

    /** Financing.Kind names and a source's name for each. */
    private static final List<String> FINANCING_KINDS =
            List.of("OWN_FUNDS", "SHAREHOLDER_CONTRIBUTION", "EU_PROGRAMME", "OTHER");

    private static final List<String> FINANCING_NAMES = List.of(
            "Eigenmittel KielRegion",
            "Beitrag der Gesellschafter",
            "Interreg Öresund-Kattegat-Skagerrak",
            "Stiftung Ostsee");

    /** PartnerType names and the word a partner's name starts with. */
    private static final List<String> PARTNER_TYPES =
            List.of("CITY", "REGION", "DISTRICT", "AGENCY", "UNIVERSITY", "CHAMBER", "NETWORK_SECRETARIAT", "COMPANY");

    private static final List<String> PARTNER_PREFIXES =
            List.of("Stadt", "Region", "Kreis", "Agentur", "Universität", "Kammer", "Netzwerk", "Firma");

    /** The portal's countries (Options.COUNTRIES). */
    private static final List<String> COUNTRIES = List.of("DE", "DK", "SE", "NO", "FI", "PL", "EE", "LV", "LT");

    /** ActivityKind names. */
    private static final List<String> ACTIVITY_KINDS =
            List.of("PROJECT", "PARTNERSHIP", "EXCHANGE", "EVENT", "NETWORK_MEMBERSHIP", "VISIT", "OTHER");

    /** Themes of activities (free text in partners-service), besides the strategy's own themes. */
    private static final List<String> ACTIVITY_THEMES =
            List.of("Mobilität", "Grüne Wirtschaft", "Klima", "Kultur", "Jugend", "Wissenschaft");

    /** The shareholders whose IT systems push activities (KielRegion itself pushes none). */
    private static final List<String> ACTIVITY_SHAREHOLDERS = List.of("KIEL", "RENDSBURG_ECKERNFOERDE", "PLOEN");

    /** Who the seeded history entries name as actor. */
    private static final String ACTOR = "growth-seed";

    /** What was seeded for a size: rows per kind, and the projects there are in all (demo data included). */
    record Seeded(int size, long projects, long partners, long activities, long historyEntries, long projectsInAll) {}

    private BulkSeed() {}

    /** Seeds the data of size {@code size} (see the class comment), then vacuums and analyzes the tables it wrote. */
    static Seeded seed(Suite suite, int size) {
        int projects = Math.min(size, MAX_PROJECTS);
        int partners = partners(size);
        if (suite.count(
                        "projects",
                        "SELECT count(*) FROM project WHERE id = ?::uuid",
                        id("project", 0).toString())
                > 0) {
            System.out.println("... the growth data is there already: nothing seeded");
        } else {
            System.out.printf(
                    "Seeding size %,d: %,d projects, %,d partners, %,d activities with their history%n",
                    size, projects, partners, size);
            long started = System.nanoTime();
            List<String> themeNames = List.of(suite.ids("projects", "SELECT name FROM theme ORDER BY name"));
            Set<String> activityThemes = new LinkedHashSet<>(themeNames);
            activityThemes.addAll(ACTIVITY_THEMES);
            String partnerRows = partnerRows(partners, List.copyOf(activityThemes));
            String activityRows = activityRows(size, partners, List.copyOf(activityThemes));
            seedPartners(suite, partners, partnerRows);
            seedProjects(suite, projects, partners);
            seedActivities(suite, size, activityRows);
            analyze(suite);
            System.out.printf("... seeded size %,d in %.1f s%n", size, (System.nanoTime() - started) / 1e9);
        }
        return new Seeded(
                size,
                projects,
                partners,
                size,
                size + (long) partners,
                suite.count("projects", "SELECT count(*) FROM project"));
    }

    /** The partners of size {@code size}: S/50, at least 10 (a project names two different ones). */
    static int partners(int size) {
        return Math.max(10, size / 50);
    }

    /** The id of the seeded row {@code n} of a kind (project, partner, activity): as {@code md5('growth-<kind>-' || n)::uuid}. */
    static UUID id(String kind, long n) {
        try {
            ByteBuffer md5 = ByteBuffer.wrap(MessageDigest.getInstance("MD5")
                    .digest(("growth-" + kind + "-" + n).getBytes(StandardCharsets.UTF_8)));
            return new UUID(md5.getLong(), md5.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The search key of {@code text}, the services' own ({@code SearchText.key}): the seeded
     * titles' keys are made of their words' keys, so that the text search finds them as it finds
     * the API's.
     */
    static String key(String text) {
        return SearchText.key(text);
    }

    // --- partners ----------------------------------------------------------------------------

    /**
     * The seeded partners as one SELECT (id, name, search_key, type, country, latitude, longitude,
     * status, urbanisation, theme, created_at), the same in every database it is inserted into.
     * One in 20 is retired; a city is CITY, a region or district has no degree of urbanisation
     * (Urbanisation), the others one of the three.
     */
    private static String partnerRows(int partners, List<String> themes) {
        return fill(
                """
                SELECT md5('growth-partner-' || s.n)::uuid AS id,
                       v.prefix[s.t] || ' ' || v.w[s.i] || ' ' || s.n AS name,
                       v.prefix_key[s.t] || ' ' || v.k[s.i] || ' ' || s.n AS search_key,
                       v.type[s.t] AS type,
                       v.country[1 + get_byte(s.h, 2) % ${COUNTRY_N}] AS country,
                       round(53.5 + get_byte(s.h, 3) * 6.5 / 255, 6) AS latitude,
                       round(8.0 + get_byte(s.h, 4) * 14.0 / 255, 6) AS longitude,
                       CASE WHEN get_byte(s.h, 5) % 20 = 0 THEN 'RETIRED' ELSE 'ACTIVE' END AS status,
                       CASE WHEN v.type[s.t] = 'CITY' THEN 'CITY'
                            WHEN v.type[s.t] IN ('REGION', 'DISTRICT') THEN NULL
                            ELSE (ARRAY['CITY', 'TOWN', 'RURAL'])[1 + get_byte(s.h, 6) % 3] END AS urbanisation,
                       CASE WHEN get_byte(s.h, 7) % 2 = 0 THEN v.theme[1 + get_byte(s.h, 8) % ${THEME_N}] END AS theme,
                       timestamptz '2025-01-01 00:00:00+00' + s.n * interval '10 minutes' AS created_at
                  FROM (SELECT n, h, 1 + n % ${TYPE_N} AS t,
                               1 + (get_byte(h, 0) * 256 + get_byte(h, 1)) % ${WORD_N} AS i
                          FROM generate_series(0, ${PARTNERS} - 1) AS n,
                               LATERAL (SELECT decode(md5('growth-partner-h' || n), 'hex') AS h) AS x) AS s,
                       (SELECT ${PREFIXES} AS prefix, ${PREFIX_KEYS} AS prefix_key, ${TYPES} AS type,
                               ${COUNTRIES} AS country, ${WORDS} AS w, ${KEYS} AS k, ${THEMES} AS theme) AS v\
                """,
                Map.entry("PARTNERS", partners),
                Map.entry("TYPE_N", PARTNER_TYPES.size()),
                Map.entry("TYPES", array(PARTNER_TYPES)),
                Map.entry("PREFIXES", array(PARTNER_PREFIXES)),
                Map.entry(
                        "PREFIX_KEYS",
                        array(PARTNER_PREFIXES.stream().map(BulkSeed::key).toList())),
                Map.entry("COUNTRY_N", COUNTRIES.size()),
                Map.entry("COUNTRIES", array(COUNTRIES)),
                Map.entry("WORD_N", SearchBenchmark.WORDS.size()),
                Map.entry("WORDS", array(SearchBenchmark.WORDS)),
                Map.entry(
                        "KEYS",
                        array(SearchBenchmark.WORDS.stream().map(BulkSeed::key).toList())),
                Map.entry("THEME_N", themes.size()),
                Map.entry("THEMES", array(themes)));
    }

    /** The partners in partners-service, their replicas in projects- and memberships-service. */
    private static void seedPartners(Suite suite, int partners, String rows) {
        step("partners (partners-service)", partners, () -> {
            suite.execute("partners", """
                INSERT INTO partner (id, name, search_key, type, country, latitude, longitude, status,
                                     urbanisation, created_at, updated_at, version)
                SELECT id, name, search_key, type, country, latitude, longitude, status,
                       urbanisation, created_at, created_at, 0
                  FROM (%s) AS p\
                """.formatted(rows));
            suite.execute(
                    "partners",
                    "INSERT INTO partner_theme (partner_id, theme) SELECT id, theme FROM (%s) AS p WHERE theme IS NOT NULL"
                            .formatted(rows));
        });
        step(
                "partner history entries (partners-service)",
                partners,
                () -> suite.execute("partners", """
                    INSERT INTO audit_entry (id, aggregate_type, aggregate_id, action, actor, actor_name, at, changes)
                    SELECT nextval('audit_entry_seq'), 'Partner', id::text, 'PartnerRegistered', '%s', NULL, created_at,
                           jsonb_build_object('name', jsonb_build_object('from', NULL::text, 'to', name),
                                              'type', jsonb_build_object('from', NULL::text, 'to', type),
                                              'country', jsonb_build_object('from', NULL::text, 'to', country),
                                              'status', jsonb_build_object('from', NULL::text, 'to', status))
                      FROM (%s) AS p\
                    """.formatted(ACTOR, rows)));
        step("partner replicas (projects-service)", partners, () -> suite.execute("projects", """
            INSERT INTO partner_replica (id, name, type, country, status, version, updated_at, urbanisation,
                                         parent_region_id)
            SELECT id, name, type, country, status, 0, created_at, urbanisation, NULL
              FROM (%s) AS p\
            """.formatted(rows)));
        step(
                "partner names (memberships-service)",
                partners,
                () -> suite.execute(
                        "memberships",
                        "INSERT INTO partner_name (id, name, status, version) SELECT id, name, status, 0 FROM (%s) AS p"
                                .formatted(rows)));
    }

    // --- projects ----------------------------------------------------------------------------

    /**
     * The projects and their collections. Title: a first word of {@link #FIRST_WORDS}, two of
     * SearchBenchmark's 120 and the number; no summary, so the search key is the title's key.
     * Effort missing for one in ten (no quick-win score then), the score as QuickWin computes it
     * (each quotient rounded to 10 places, half up, the sum to one place); half with a measure.
     */
    private static void seedProjects(Suite suite, int projects, int partners) {
        List<String> measures = List.of(suite.ids("projects", "SELECT id::text FROM measure ORDER BY number"));
        List<String> themes = List.of(suite.ids("projects", "SELECT id::text FROM theme ORDER BY name"));
        String measure = measures.isEmpty()
                ? "NULL::uuid"
                : "CASE WHEN get_byte(s.h, 14) % 2 = 0 THEN (" + array(measures)
                        + "::uuid[])[1 + get_byte(s.h, 14) / 2 % " + measures.size() + "] END";
        step(
                "projects (projects-service)",
                projects,
                () -> suite.execute(
                        "projects",
                        fill(
                                """
                                INSERT INTO project (id, title, summary, search_key, measure_id, cooperation_area_id, lead, status,
                                                     planned_start, planned_end, effort, impact, months_to_start, funding_secured,
                                                     quick_win, created_at, updated_at, version)
                                SELECT id, title, NULL, search_key, measure_id, NULL, lead, status,
                                       planned_start, planned_start + 365, effort, impact, months_to_start, funding_secured,
                                       CASE WHEN effort IS NOT NULL THEN
                                           round((round((impact - 1)::numeric / 4, 10) * 0.35
                                                  + round((5 - effort)::numeric / 4, 10) * 0.25
                                                  + greatest(1 - round(months_to_start::numeric / 24, 10), 0) * 0.25
                                                  + round(funding_secured::numeric / 100, 10) * 0.15) * 100, 1) END,
                                       created_at, created_at + get_byte(h, 15) * interval '1 hour', 0
                                  FROM (SELECT s.h, md5('growth-project-' || s.n)::uuid AS id,
                                               v.w[s.i1] || ' ' || v.w[s.i2] || ' ' || v.w[s.i3] || ' ' || s.n AS title,
                                               v.k[s.i1] || ' ' || v.k[s.i2] || ' ' || v.k[s.i3] || ' ' || s.n AS search_key,
                                               ${MEASURE} AS measure_id,
                                               CASE WHEN get_byte(s.h, 6) % 3 = 0 THEN 'N.N., KielRegion' END AS lead,
                                               v.status[1 + get_byte(s.h, 7) % ${STATUS_N}] AS status,
                                               CASE WHEN get_byte(s.h, 8) % 4 <> 0 THEN date '2026-01-01' + get_byte(s.h, 8) * 3 END
                                                   AS planned_start,
                                               CASE WHEN get_byte(s.h, 9) % 10 <> 0 THEN 1 + get_byte(s.h, 13) % 5 END AS effort,
                                               1 + get_byte(s.h, 10) % 5 AS impact,
                                               get_byte(s.h, 11) % 61 AS months_to_start,
                                               get_byte(s.h, 12) % 101 AS funding_secured,
                                               timestamptz '2025-01-01 00:00:00+00' + s.n * interval '5 minutes' AS created_at
                                          FROM (SELECT n, h,
                                                       1 + (get_byte(h, 0) * 256 + get_byte(h, 1)) % ${FIRST_N} AS i1,
                                                       1 + (get_byte(h, 2) * 256 + get_byte(h, 3)) % ${WORD_N} AS i2,
                                                       1 + (get_byte(h, 4) * 256 + get_byte(h, 5)) % ${WORD_N} AS i3
                                                  FROM generate_series(0, ${PROJECTS} - 1) AS n,
                                                       LATERAL (SELECT decode(md5('growth-project-h' || n), 'hex') AS h) AS x) AS s,
                                               (SELECT ${WORDS} AS w, ${KEYS} AS k, ${STATUSES} AS status) AS v) AS r\
                                """,
                                Map.entry("PROJECTS", projects),
                                Map.entry("FIRST_N", FIRST_WORDS.size()),
                                Map.entry("WORD_N", SearchBenchmark.WORDS.size()),
                                Map.entry("WORDS", array(SearchBenchmark.WORDS)),
                                Map.entry(
                                        "KEYS",
                                        array(SearchBenchmark.WORDS.stream()
                                                .map(BulkSeed::key)
                                                .toList())),
                                Map.entry("STATUS_N", STATUSES.size()),
                                Map.entry("STATUSES", array(STATUSES)),
                                Map.entry("MEASURE", measure))));
        // The collections, each from its own hash of the project's number.
        String each = "FROM generate_series(0, " + projects + " - 1) AS n,"
                + " LATERAL (SELECT decode(md5('growth-project-c' || n), 'hex') AS h) AS x";
        String project = "md5('growth-project-' || n)::uuid";
        step("project themes (about half of the projects)", projects / 2, () -> {
            if (!themes.isEmpty()) {
                suite.execute(
                        "projects",
                        "INSERT INTO project_theme (project_id, theme_id) SELECT " + project + ", ("
                                + array(themes) + "::uuid[])[1 + get_byte(h, 1) % " + themes.size() + "] " + each
                                + " WHERE get_byte(h, 0) % 2 = 0");
            }
        });
        step(
                "project shareholders (one or two each)",
                projects,
                () -> suite.execute(
                        "projects",
                        "INSERT INTO project_shareholder (project_id, shareholder) SELECT " + project + ", ("
                                + array(Arrays.stream(Shareholder.values())
                                        .map(Enum::name)
                                        .toList())
                                + ")[1 + pick.i] " + each
                                + ", LATERAL (VALUES (get_byte(h, 2) % " + Shareholder.values().length
                                + "), (get_byte(h, 3) % " + Shareholder.values().length + ")) AS pick(i)"
                                + " ON CONFLICT DO NOTHING"));
        step(
                "project partners (three in four projects: one or two different partners)",
                projects,
                () -> suite.execute(
                        "projects",
                        fill(
                                """
                                INSERT INTO project_partner (project_id, partner_id, role)
                                SELECT ${PROJECT}, md5('growth-partner-' || pick.partner)::uuid, pick.role
                                  ${EACH},
                                       LATERAL (SELECT (get_byte(h, 4) * 65536 + get_byte(h, 5) * 256 + get_byte(h, 6))
                                                       % ${PARTNERS} AS p1) AS a,
                                       LATERAL (VALUES
                                           (a.p1,
                                            CASE WHEN get_byte(h, 7) % 3 = 0 THEN 'LEAD_PARTNER' ELSE 'PARTNER' END,
                                            true),
                                           ((a.p1 + 1 + (get_byte(h, 8) * 256 + get_byte(h, 9)) % (${PARTNERS} - 1))
                                                % ${PARTNERS},
                                            'ASSOCIATED',
                                            get_byte(h, 10) % 2 = 0)) AS pick(partner, role, wanted)
                                 WHERE get_byte(h, 11) % 4 <> 0 AND pick.wanted\
                                """,
                                Map.entry("PROJECT", project),
                                Map.entry("EACH", each),
                                Map.entry("PARTNERS", partners))));
        step(
                "project financing (a third of the projects: one or two sources)",
                projects / 3,
                () -> suite.execute(
                        "projects",
                        fill(
                                """
                                INSERT INTO project_financing (project_id, position, kind, name, amount)
                                SELECT ${PROJECT}, pos, (${KINDS})[1 + (n + pos) % 4], (${NAMES})[1 + (n + pos) % 4],
                                       (1000 * (1 + get_byte(h, 14 - pos) % 200))::numeric(14, 2)
                                  ${EACH}, generate_series(0, 1) AS pos
                                 WHERE get_byte(h, 12) % 3 = 0 AND (pos = 0 OR get_byte(h, 13) % 2 = 0)\
                                """,
                                Map.entry("PROJECT", project),
                                Map.entry("EACH", each),
                                Map.entry("KINDS", array(FINANCING_KINDS)),
                                Map.entry("NAMES", array(FINANCING_NAMES)))));
    }

    // --- activities --------------------------------------------------------------------------

    /**
     * The seeded activities as one SELECT (id, shareholder, external_id, title, kind, year_from,
     * year_to, theme1, theme2, partner_id, created_at): one or two different themes, a partner
     * for every second.
     */
    private static String activityRows(int activities, int partners, List<String> themes) {
        return fill(
                """
                SELECT md5('growth-activity-' || s.n)::uuid AS id,
                       v.shareholder[1 + s.n % ${SHAREHOLDER_N}] AS shareholder,
                       'growth-' || s.n AS external_id,
                       v.w[s.i1] || ' ' || v.w[s.i2] || ' ' || s.n AS title,
                       v.kind[1 + get_byte(s.h, 4) % ${KIND_N}] AS kind,
                       2015 + get_byte(s.h, 5) % 12 AS year_from,
                       CASE WHEN get_byte(s.h, 6) % 2 = 0 THEN 2015 + get_byte(s.h, 5) % 12 + get_byte(s.h, 7) % 4 END
                           AS year_to,
                       v.theme[s.t1] AS theme1,
                       CASE WHEN get_byte(s.h, 9) % 3 = 0
                            THEN v.theme[1 + (s.t1 + get_byte(s.h, 10) % (${THEME_N} - 1)) % ${THEME_N}] END AS theme2,
                       CASE WHEN get_byte(s.h, 11) % 2 = 0
                            THEN md5('growth-partner-'
                                     || ((get_byte(s.h, 12) * 65536 + get_byte(s.h, 13) * 256 + get_byte(s.h, 14))
                                         % ${PARTNERS}))::uuid END AS partner_id,
                       timestamptz '2025-01-01 00:00:00+00' + s.n * interval '30 seconds' AS created_at
                  FROM (SELECT n, h,
                               1 + (get_byte(h, 0) * 256 + get_byte(h, 1)) % ${WORD_N} AS i1,
                               1 + (get_byte(h, 2) * 256 + get_byte(h, 3)) % ${WORD_N} AS i2,
                               1 + get_byte(h, 8) % ${THEME_N} AS t1
                          FROM generate_series(0, ${ACTIVITIES} - 1) AS n,
                               LATERAL (SELECT decode(md5('growth-activity-h' || n), 'hex') AS h) AS x) AS s,
                       (SELECT ${SHAREHOLDERS} AS shareholder, ${KINDS} AS kind, ${WORDS} AS w,
                               ${THEMES} AS theme) AS v\
                """,
                Map.entry("ACTIVITIES", activities),
                Map.entry("PARTNERS", partners),
                Map.entry("SHAREHOLDER_N", ACTIVITY_SHAREHOLDERS.size()),
                Map.entry("SHAREHOLDERS", array(ACTIVITY_SHAREHOLDERS)),
                Map.entry("KIND_N", ACTIVITY_KINDS.size()),
                Map.entry("KINDS", array(ACTIVITY_KINDS)),
                Map.entry("WORD_N", SearchBenchmark.WORDS.size()),
                Map.entry("WORDS", array(SearchBenchmark.WORDS)),
                Map.entry("THEME_N", themes.size()),
                Map.entry("THEMES", array(themes)));
    }

    /** The activities in partners-service with their history, their replica in projects-service. */
    private static void seedActivities(Suite suite, int activities, String rows) {
        step("activities (partners-service)", activities, () -> {
            suite.execute("partners", """
                INSERT INTO activity (id, shareholder, external_id, title, kind, year_from, year_to, link,
                                      content_hash, created_at, updated_at, version)
                SELECT id, shareholder, external_id, title, kind, year_from, year_to, NULL,
                       encode(sha256(convert_to(external_id || '|' || title, 'UTF8')), 'hex'),
                       created_at, created_at, 0
                  FROM (%s) AS a\
                """.formatted(rows));
            suite.execute("partners", """
                INSERT INTO activity_theme (activity_id, theme)
                SELECT a.id, t.theme FROM (%s) AS a, LATERAL unnest(ARRAY[a.theme1, a.theme2]) AS t(theme)
                 WHERE t.theme IS NOT NULL\
                """.formatted(rows));
            suite.execute(
                    "partners",
                    "INSERT INTO activity_partner (activity_id, partner_id) SELECT id, partner_id FROM (%s) AS a"
                                    .formatted(rows)
                            + " WHERE partner_id IS NOT NULL");
        });
        step(
                "activity history entries (partners-service)",
                activities,
                () -> suite.execute("partners", """
                    INSERT INTO audit_entry (id, aggregate_type, aggregate_id, action, actor, actor_name, at, changes)
                    SELECT nextval('audit_entry_seq'), 'Activity', id::text, 'ActivityCreated', '%s', NULL, created_at,
                           jsonb_build_object('externalId', jsonb_build_object('from', NULL::text, 'to', external_id),
                                              'title', jsonb_build_object('from', NULL::text, 'to', title),
                                              'kind', jsonb_build_object('from', NULL::text, 'to', kind),
                                              'yearFrom', jsonb_build_object('from', NULL::text, 'to', year_from))
                      FROM (%s) AS a\
                    """.formatted(ACTOR, rows)));
        step("activity replicas (projects-service)", activities, () -> {
            suite.execute(
                    "projects",
                    "INSERT INTO existing_activity (id, shareholder, version, updated_at)"
                            + " SELECT id, shareholder, 0, created_at FROM (%s) AS a".formatted(rows));
            suite.execute("projects", """
                INSERT INTO existing_activity_theme (activity_id, theme)
                SELECT a.id, t.theme FROM (%s) AS a, LATERAL unnest(ARRAY[a.theme1, a.theme2]) AS t(theme)
                 WHERE t.theme IS NOT NULL\
                """.formatted(rows));
            suite.execute(
                    "projects",
                    "INSERT INTO existing_activity_partner (activity_id, partner_id) SELECT id, partner_id FROM (%s) AS a"
                                    .formatted(rows)
                            + " WHERE partner_id IS NOT NULL");
        });
    }

    /**
     * VACUUM (ANALYZE) of every table written: the planner knows the new sizes, the visibility
     * map is set (as autovacuum would have it on a database that grew over years), and no
     * autovacuum of the fresh rows runs while the reads are measured.
     */
    private static void analyze(Suite suite) {
        Map<String, List<String>> tables = Map.of(
                "projects",
                List.of(
                        "project",
                        "project_theme",
                        "project_shareholder",
                        "project_partner",
                        "project_financing",
                        "partner_replica",
                        "existing_activity",
                        "existing_activity_theme",
                        "existing_activity_partner"),
                "partners",
                List.of("partner", "partner_theme", "activity", "activity_theme", "activity_partner", "audit_entry"),
                "memberships",
                List.of("partner_name"));
        long started = System.nanoTime();
        tables.forEach((service, names) -> suite.execute(service, "VACUUM (ANALYZE) " + String.join(", ", names)));
        System.out.printf(
                "... vacuumed and analyzed the seeded tables in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Runs one seeding step and says how long it took. */
    private static void step(String what, long rows, Runnable statements) {
        long started = System.nanoTime();
        statements.run();
        System.out.printf("... seeded %,d %s in %.1f s%n", rows, what, (System.nanoTime() - started) / 1e9);
    }

    /** A SQL text array of {@code values}: {@code ARRAY['a', 'b']}. */
    private static String array(List<String> values) {
        return values.stream()
                .map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "ARRAY[", "]"));
    }

    /** {@code template} with each {@code ${NAME}} replaced by its value. */
    @SafeVarargs
    private static String fill(String template, Map.Entry<String, ?>... values) {
        String sql = template;
        for (Map.Entry<String, ?> value : values) {
            sql = sql.replace("${" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        if (sql.contains("${")) {
            throw new IllegalArgumentException("a placeholder is left in: " + sql);
        }
        return sql;
    }
}
