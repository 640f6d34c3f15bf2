package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.COORDINATOR;
import static de.kielregion.kooperation.e2e.Suite.DECIDER;
import static de.kielregion.kooperation.e2e.Suite.KIEL;
import static de.kielregion.kooperation.e2e.Suite.VIEWER;
import static de.kielregion.kooperation.e2e.Suite.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fault campaign: a seeded mix of concurrent writes (activities one by one and in bulk, racing
 * allocations on a tight budget, retries with the same Idempotency-Key) while a seeded nemesis
 * kills and pauses services, pauses PostgreSQL and Keycloak, and restarts the broker, overlapping
 * at times. Every request and its answer is recorded; after the faults heal a checker looks at
 * every invariant: nothing answered 2xx is lost, nothing applied twice, the budget never overdrawn
 * (sampled throughout), the read model equal to its source, and during the faults only 2xx, 4xx
 * problem+json or 503 with Retry-After (a request that found its service killed or paused has no
 * answer: it is indeterminate, and the checker allows it either way).
 *
 * <p>CI runs a short campaign with a fixed seed; {@code -Pcampaign -Dcampaign.rounds=200
 * -Dcampaign.seed=S} runs a long one and writes its report to {@code target/campaign-report.txt}
 * (see docs/reliability.md). A failing run prints its seed.
 */
class FaultCampaignTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal BUDGET = new BigDecimal("10000.00");
    private static final BigDecimal SHARE = new BigDecimal("700.00");
    /** The membership fees' budget: room for some of the campaign's memberships, not for all. */
    private static final BigDecimal FEES_BUDGET = new BigDecimal("1500.00");

    private static final BigDecimal FEE = new BigDecimal("100.00");
    /** The nemesis' targets: the services the workload writes to twice as often as the others. */
    private static final List<String> SERVICES =
            List.of("partners", "projects", "webhooks", "partners", "projects", "webhooks", "memberships");

    /** One request and what came of it (a history, as Jepsen keeps one). */
    record Op(
            String kind,
            String key,
            int status,
            String problem,
            String outcome,
            String ref,
            Instant start,
            Instant end) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean indeterminate() {
            return status == 0;
        }
    }

    private final Suite suite = Suite.get();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Op> history = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> faults = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Tokens tokens = new Tokens();

    @Test
    void seededFaultsUnderAMixedWorkloadLoseNothingAndApplyNothingTwice() throws Exception {
        long seed = Long.getLong("campaign.seed", 20261207L);
        int rounds = Integer.getInteger("campaign.rounds", 5);
        System.out.printf("Fault campaign: seed %d, %d rounds (replay: -Dcampaign.seed=%d)%n", seed, rounds, seed);
        try {
            run(seed, rounds);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "Fault campaign failed with seed " + seed + " (replay: -Pcampaign" + " -Dcampaign.seed=" + seed
                            + " -Dcampaign.rounds=" + rounds + "): " + e.getMessage(),
                    e);
        }
    }

    private void run(long seed, int rounds) throws Exception {
        Random random = new Random(seed);
        String theme = "Campaign " + seed + " " + UUID.randomUUID();
        int year = 2001 + random.nextInt(49); // years no other test and no demo data use
        put(
                "projects",
                COORDINATOR,
                "/budget/" + year + "/lines/PROJECT_FUNDS",
                Map.of("amount", BUDGET.toString()),
                200);
        put(
                "projects",
                COORDINATOR,
                "/budget/" + year + "/lines/MEMBERSHIP_FEES",
                Map.of("amount", FEES_BUDGET.toString()),
                200);
        List<String> projects = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            projects.add(approvedProject("Kampagne " + seed + " " + i));
        }
        List<Long> allocatedSamples = new CopyOnWriteArrayList<>();
        // An IT system that takes the activities as webhooks: every one must arrive, once.
        de.kielregion.kooperation.infra.testing.WebhookReceiver receiver =
                new de.kielregion.kooperation.infra.testing.WebhookReceiver();
        String subscription = suite.subscribe(Suite.ADMIN, receiver, List.of("cooperation.activity.*"), Map.of());

        ExecutorService workers = Executors.newFixedThreadPool(7);
        long started = System.nanoTime();
        // A steady load, not a flood: the machine must still restart services within the rounds.
        workers.submit(loop(new Random(random.nextLong()), r -> {
            putActivity(theme);
            pause(20);
        }));
        workers.submit(loop(new Random(random.nextLong()), r -> {
            bulk(theme, 5 + r.nextInt(16));
            pause(100);
        }));
        Map<String, Boolean> keys = new ConcurrentHashMap<>();
        for (int t = 0; t < 2; t++) {
            workers.submit(loop(new Random(random.nextLong()), r -> allocate(r, projects, year, keys)));
        }
        // Memberships: an organisation, a membership proposed for it, the board's JOIN decision
        // (sent twice at times, one Idempotency-Key), and so a fee request answered by projects-service.
        String organisations = "Kampagne " + theme.hashCode() + " ";
        Map<String, Boolean> joins = new ConcurrentHashMap<>();
        workers.submit(loop(new Random(random.nextLong()), r -> join(r, organisations, year, joins)));
        // Projects: proposed, decided, allocated to by the racing allocators, and cancelled while
        // they do (a cancelled project gives its money back).
        String lifecycle = "Kampagne " + theme.hashCode() + " Lebenszyklus ";
        Lifecycles lives = new Lifecycles();
        // Its own random (not drawn from the campaign's): the faults a seed draws stay what they were.
        workers.submit(loop(new Random(seed ^ 0x5EED_0F_11FEL), r -> lifecycle(r, lifecycle, projects, lives)));
        workers.submit(loop(new Random(random.nextLong()), r -> {
            JsonNode line = budgetLine(year);
            if (line != null) {
                BigDecimal allocated = new BigDecimal(line.path("allocated").asText("0"));
                allocatedSamples.add(allocated.movePointRight(2).longValue());
                if (allocated.compareTo(BUDGET) > 0) {
                    violations.add("budget overdrawn at " + Instant.now() + ": " + allocated + " of " + BUDGET);
                }
            }
            pause(200);
        }));

        Nemesis nemesis = new Nemesis(suite, faults);
        ExecutorService faulting = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                List<java.util.concurrent.Future<?>> now = new ArrayList<>();
                now.add(faulting.submit(nemesis.pick(random)));
                if (random.nextInt(3) == 0) {
                    now.add(faulting.submit(nemesis.pick(random))); // two faults overlapping
                }
                for (java.util.concurrent.Future<?> fault : now) {
                    fault.get(3, TimeUnit.MINUTES); // a fault that failed (a restart never ready) fails the run
                }
                pause(500 + random.nextInt(1500)); // healed: the workload goes on for a moment
            }
        } finally {
            running.set(false);
            faulting.shutdownNow();
            faulting.awaitTermination(2, TimeUnit.MINUTES); // a fault still under way ends before the healing
            nemesis.healAll(); // whatever happened: nothing left stopped or dead
            workers.shutdown();
        }
        assertTrue(workers.awaitTermination(2, TimeUnit.MINUTES), "the workload stopped");

        // Convergence: every write answered (or possibly done) has reached where it belongs.
        long healedAt = System.nanoTime();
        Set<String> acked = keysOf("activity", true);
        Set<String> maybe = keysOf("activity", false);
        await(Duration.ofMinutes(3), "the read model caught up with the activities", () -> {
            long source = suite.count(
                    "partners", "SELECT count(*) FROM activity a WHERE external_id LIKE ?", theme.hashCode() + "-%");
            return source >= acked.size() && themeCount(theme) == source;
        });
        try {
            await(Duration.ofMinutes(3), "every activity delivered to the webhook receiver", () -> {
                Set<String> delivered = delivered(receiver, theme);
                return delivered.containsAll(acked);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + undelivered(receiver, theme, acked), e);
        }
        double convergence = (System.nanoTime() - healedAt) / 1e9;
        Set<String> delivered = delivered(receiver, theme);
        for (String key : delivered) {
            if (!acked.contains(key) && !maybe.contains(key)) {
                violations.add("phantom webhook: activity " + key + " delivered but never written");
            }
        }
        long requests = receiver.requests().size();
        long invalid =
                receiver.requests().stream().filter(r -> !r.signatureValid()).count();
        if (invalid > 0) {
            violations.add(invalid + " webhook deliveries with an invalid signature");
        }
        receiver.close();
        suite.as("webhooks", Suite.ADMIN).delete("/webhook-subscriptions/" + subscription);
        System.out.printf("Webhooks: %d requests for %d activities delivered%n", requests, delivered.size());

        String[] undecided = undecidedFeeYears(organisations);
        await(Duration.ofMinutes(3), "every membership fee request answered by projects-service", () -> {
            String[] waiting = undecidedFeeYears(organisations);
            return waiting.length == 0;
        });
        System.out.printf(
                "Memberships: %d fee requests were still unanswered when the faults healed%n", undecided.length);
        check(theme, acked, maybe, year, keys, allocatedSamples);
        checkMemberships(organisations, year, joins);
        checkLifecycles(lifecycle, lives);
        String report = report(seed, rounds, (System.nanoTime() - started) / 1e9, convergence);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "campaign-report.txt"), report);
        if (rounds >= 50) {
            lastRun(report);
        }
        assertEquals(List.of(), violations, "invariants broken (seed " + seed + ")");
    }

    /** A long run's report becomes the last run in docs/reliability.md (between its markers). */
    private static void lastRun(String report) throws IOException {
        Path doc = Path.of("..", "docs", "reliability.md");
        String text = Files.readString(doc);
        String begin = "<!-- campaign:last-run -->";
        String end = "<!-- /campaign:last-run -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(doc + " has no markers " + begin + " ... " + end);
        }
        Files.writeString(
                doc,
                text.substring(0, from + begin.length()) + "\n" + java.time.LocalDate.now() + ": " + report.strip()
                        + "\n" + text.substring(to));
    }

    /** The checker: each invariant over the history and the services' databases. */
    private void check(
            String theme,
            Set<String> acked,
            Set<String> maybe,
            int year,
            Map<String, Boolean> keys,
            List<Long> allocatedSamples) {
        // Nothing lost: every activity answered 2xx is in partners-service.
        Set<String> present = new java.util.HashSet<>(List.of(suite.ids(
                "partners", "SELECT external_id FROM activity WHERE external_id LIKE ?", theme.hashCode() + "-%")));
        for (String key : acked) {
            if (!present.contains(key)) {
                violations.add("lost: activity " + key + " was answered 2xx but is not in partners-service");
            }
        }
        for (String key : present) {
            if (!acked.contains(key) && !maybe.contains(key)) {
                violations.add("phantom: activity " + key + " is stored but no request for it was answered 2xx"
                        + " or went unanswered");
            }
        }
        // The read model equals its source, and each event was applied once.
        long source = present.size();
        if (themeCount(theme) != source) {
            violations.add("read model: projects-service counts " + themeCount(theme) + " activities of the theme,"
                    + " partners-service has " + source);
        }
        long[] events = suite.activityEventsProducedAndApplied(theme);
        long produced = events[0];
        long applied = events[1];
        if (produced != applied) {
            violations.add("events: partners-service produced " + produced + " for the theme, projects-service"
                    + " applied " + applied);
        }
        // Allocations: never overdrawn (sampled throughout and at the end), each Idempotency-Key at
        // most once, every one answered 201 present.
        JsonNode line = budgetLine(year);
        BigDecimal allocated = new BigDecimal(line.path("allocated").asText());
        long allocations = suite.count(
                "projects",
                "SELECT count(*) FROM allocation a JOIN budget_line l ON l.id = a.line_id"
                        + " WHERE l.year = ? AND l.category = 'PROJECT_FUNDS' AND a.status = 'ALLOCATED'",
                year);
        // Allocations given back by a cancelled project count as made (and must not be in the sum).
        long made = suite.count(
                "projects",
                "SELECT count(*) FROM allocation a JOIN budget_line l ON l.id = a.line_id"
                        + " WHERE l.year = ? AND l.category = 'PROJECT_FUNDS' AND a.status IN ('ALLOCATED', 'RELEASED')",
                year);
        if (allocated.compareTo(BUDGET) > 0) {
            violations.add("budget overdrawn at the end: " + allocated + " of " + BUDGET);
        }
        if (SHARE.multiply(BigDecimal.valueOf(allocations)).compareTo(allocated) != 0) {
            violations.add("budget line says " + allocated + " allocated, the allocations sum to "
                    + SHARE.multiply(BigDecimal.valueOf(allocations)));
        }
        long ackedKeys = keys.entrySet().stream().filter(Map.Entry::getValue).count();
        // Per allocation: each one answered "201 ALLOCATED" is stored, and no more stored ones are
        // named by no answer than keys went unanswered (a key applied twice leaves a row no answer names).
        Set<String> answeredIds = ConcurrentHashMap.newKeySet();
        history.stream()
                .filter(o -> o.kind().equals("allocation") && o.status() == 201 && "ALLOCATED".equals(o.outcome()))
                .forEach(o -> answeredIds.add(o.ref()));
        Set<String> storedIds = new java.util.HashSet<>(List.of(suite.ids(
                "projects",
                "SELECT a.id::text FROM allocation a JOIN budget_line l ON l.id = a.line_id"
                        + " WHERE l.year = ? AND l.category = 'PROJECT_FUNDS' AND a.status IN ('ALLOCATED', 'RELEASED')",
                year)));
        for (String id : answeredIds) {
            if (!storedIds.contains(id)) {
                violations.add("lost: allocation " + id + " was answered 201 ALLOCATED but is not stored");
            }
        }
        long unanswered = history.stream()
                .filter(o -> o.kind().equals("allocation") && o.indeterminate())
                .map(Op::key)
                .distinct()
                .filter(k -> !Boolean.TRUE.equals(keys.get(k)))
                .count();
        if (made < ackedKeys || made > ackedKeys + unanswered) {
            violations.add("allocations: " + made + " stored, " + ackedKeys + " keys answered 201 ALLOCATED, "
                    + unanswered + " unanswered: some were lost or applied twice");
        }
        long unnamed =
                storedIds.stream().filter(id -> !answeredIds.contains(id)).count();
        if (unnamed > unanswered) {
            violations.add("allocations: " + unnamed + " stored that no answer names, but only " + unanswered
                    + " keys went unanswered: applied twice");
        }
        if (acked.isEmpty() || answeredIds.isEmpty()) {
            violations.add("the workload made no progress (" + acked.size() + " activities, " + answeredIds.size()
                    + " allocations answered): nothing was tested");
        }
        if (allocatedSamples.isEmpty()) {
            violations.add("the budget was never read during the campaign");
        }
        // Answers: 2xx, 4xx as problem+json, 503 with Retry-After, or none (the service was down).
        for (Op op : history) {
            if (op.status() >= 500 && !(op.status() == 503 && op.problem() != null)) {
                violations.add(op.kind() + " " + op.key() + " answered " + op.status() + " at " + op.end());
            } else if (op.status() >= 400 && op.problem() == null) {
                violations.add(op.kind() + " " + op.key() + " answered " + op.status() + " without problem+json");
            }
        }
    }

    /** Where the first undelivered activities are: in webhooks-service's event log, their deliveries. */
    private String undelivered(
            de.kielregion.kooperation.infra.testing.WebhookReceiver receiver, String theme, Set<String> acked) {
        Set<String> missing = new java.util.TreeSet<>(acked);
        missing.removeAll(delivered(receiver, theme));
        StringBuilder where = new StringBuilder(missing.size() + " undelivered");
        where.append("; subscriptions ")
                .append(suite.rows("webhooks", "SELECT id, status, target_url FROM webhook_subscription"));
        where.append("; attempts ")
                .append(suite.rows(
                        "webhooks",
                        "SELECT subscription_id, outcome, status_code, count(*), min(attempted_at), max(attempted_at)"
                                + " FROM webhook_attempt GROUP BY 1, 2, 3"));
        where.append("; receiver ").append(receiver.requests().size()).append(" requests");
        for (String key : missing.stream().limit(5).toList()) {
            where.append("; ")
                    .append(key)
                    .append(": events ")
                    .append(naming(
                            "webhooks",
                            "SELECT e.seq || ' ' || e.type || ' received ' || e.received_at FROM webhook_event e"
                                    + " WHERE e.data LIKE ?",
                            key))
                    .append(", deliveries ")
                    .append(naming(
                            "webhooks",
                            "SELECT d.status || ' attempts ' || d.attempts || ' next ' || d.next_attempt_at || ' lease '"
                                    + " || coalesce(d.lease_until::text, '-') FROM webhook_delivery d JOIN webhook_event e"
                                    + " ON e.seq = d.event_seq WHERE e.data LIKE ?",
                            key))
                    .append(", in partners-service's outbox ")
                    .append(naming(
                            "partners",
                            "SELECT id::text || ' published ' || coalesce(published_at::text, 'no') FROM outbox_event"
                                    + " WHERE payload::text LIKE ?",
                            key));
        }
        return where.toString();
    }

    /** The rows {@code sql} finds whose text (its one parameter, a LIKE) contains {@code key}. */
    private List<String> naming(String service, String sql, String key) {
        return List.of(suite.ids(service, sql, "%" + key + "%"));
    }

    /** The fee years of the campaign's memberships that wait for projects-service's answer. */
    private String[] undecidedFeeYears(String organisations) {
        return suite.ids(
                "memberships",
                "SELECT y.request_id::text FROM membership_fee_year y JOIN membership m ON m.id = y.membership_id"
                        + " JOIN organisation o ON o.id = m.organisation_id WHERE o.name LIKE ? AND y.status = 'REQUESTED'",
                organisations + "%");
    }

    /**
     * Memberships: every JOIN decision answered 201 is in the register, none twice; every fee
     * request is answered once and the answer is the allocation projects-service booked (same
     * request id, same outcome); the fee budget never overdrawn.
     */
    private void checkMemberships(String organisations, int year, Map<String, Boolean> joins) {
        for (Map.Entry<String, Boolean> join : joins.entrySet()) {
            long decisions = suite.count(
                    "memberships",
                    "SELECT count(*) FROM membership_decision WHERE membership_id = ?::uuid",
                    join.getKey());
            if (decisions > 1) {
                violations.add("applied twice: membership " + join.getKey() + " has " + decisions + " JOIN decisions,"
                        + " one was sent (with one Idempotency-Key)");
            } else if (join.getValue() && decisions == 0) {
                violations.add("lost: the JOIN decision on membership " + join.getKey() + " was answered 201 but is"
                        + " not in the register");
            }
        }
        String[] years = suite.ids(
                "memberships",
                "SELECT y.request_id::text || '|' || y.status FROM membership_fee_year y"
                        + " JOIN membership m ON m.id = y.membership_id JOIN organisation o ON o.id = m.organisation_id"
                        + " WHERE o.name LIKE ?",
                organisations + "%");
        for (String row : years) {
            String request = row.substring(0, row.indexOf('|'));
            String status = row.substring(row.indexOf('|') + 1);
            String[] booked =
                    suite.ids("projects", "SELECT status FROM allocation WHERE request_id = ?::uuid", request);
            if (booked.length != 1 || !booked[0].equals(status)) {
                violations.add("fee request " + request + ": memberships-service says " + status + ", projects-service"
                        + " booked " + List.of(booked));
            }
        }
        long memberships = joins.values().stream().filter(Boolean::booleanValue).count();
        if (memberships == 0) {
            violations.add("the workload made no progress on memberships: no JOIN decision answered 201");
        }
        BigDecimal fees = new BigDecimal(suite.ids(
                        "projects",
                        "SELECT coalesce(sum(a.amount), 0)::text FROM allocation a JOIN budget_line l ON l.id = a.line_id"
                                + " WHERE l.year = ? AND l.category = 'MEMBERSHIP_FEES' AND a.status = 'ALLOCATED'",
                        year)[0]);
        if (fees.compareTo(FEES_BUDGET) > 0) {
            violations.add("membership fees overdrawn: " + fees + " of " + FEES_BUDGET);
        }
        System.out.printf(
                "Memberships: %d JOIN decisions answered 201, %d fee requests answered, %s of %s fees allocated%n",
                memberships, years.length, fees, FEES_BUDGET);
    }

    private String report(long seed, int rounds, double seconds, double convergence) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Op op : history) {
            String outcome = op.indeterminate() ? "unanswered" : op.status() / 100 + "xx";
            outcomes.merge(op.kind() + " " + outcome, 1, Integer::sum);
        }
        long lost = violations.stream().filter(v -> v.startsWith("lost")).count();
        long twice = violations.stream()
                .filter(v -> v.startsWith("events") || v.startsWith("allocations"))
                .count();
        return String.format(
                "Fault campaign: seed %d, %d rounds in %.0f s; faults %s; %d operations %s; lost %d, applied twice %d,"
                        + " other violations %d; converged %.1f s after the last fault healed%n",
                seed,
                rounds,
                seconds,
                new TreeMap<>(faults),
                history.size(),
                outcomes,
                lost,
                twice,
                violations.size() - lost - twice,
                convergence);
    }

    // --- the workload ------------------------------------------------------------------------

    interface Step {
        void run(Random random) throws Exception;
    }

    private Runnable loop(Random random, Step step) {
        return () -> {
            while (running.get()) {
                try {
                    step.run(random);
                } catch (Exception e) {
                    violations.add("workload: " + e);
                    return;
                }
            }
        };
    }

    private void putActivity(String theme) {
        String key = theme.hashCode() + "-" + UUID.randomUUID();
        send(
                "activity",
                key,
                "partners",
                tokens.get(KIEL),
                "PUT",
                "/shareholders/KIEL/activities/" + key,
                activity(key, theme, null));
    }

    private void bulk(String theme, int count) {
        List<Map<String, Object>> activities = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = theme.hashCode() + "-" + UUID.randomUUID();
            batch.add(key);
            activities.add(activity(key, theme, key));
        }
        Op op = send(
                "bulk",
                String.join(",", batch),
                "partners",
                tokens.get(KIEL),
                "POST",
                "/shareholders/KIEL/activities/bulk",
                Map.of("activities", activities));
        // The bulk's activities count as activities answered (or not) by the bulk's answer.
        for (String key : batch) {
            history.add(new Op("activity-in-bulk", key, op.status(), op.problem(), null, null, op.start(), op.end()));
        }
    }

    private void allocate(Random random, List<String> projects, int year, Map<String, Boolean> keys) {
        String key = UUID.randomUUID().toString();
        List<String> now = List.copyOf(projects); // the lifecycle workload adds and removes projects
        String project = now.get(random.nextInt(now.size()));
        Map<String, Object> body = Map.of("year", year, "category", "PROJECT_FUNDS", "amount", SHARE.toString());
        for (Op op : postOnceOrTwice(
                random,
                "allocation",
                key,
                key,
                "projects",
                COORDINATOR,
                "/projects/" + project + "/allocations",
                body)) {
            // 201 with status ALLOCATED (an allocation the budget has no room for is 201 REJECTED).
            if (op.status() == 201 && "ALLOCATED".equals(op.outcome())) {
                keys.put(key, true);
            } else {
                keys.putIfAbsent(key, false);
            }
        }
        pause(50 + random.nextInt(150));
    }

    /**
     * A POST with an Idempotency-Key, sent once or, in a quarter of the cases, twice with the same
     * key (a client that lost the answer); the answers.
     */
    private List<Op> postOnceOrTwice(
            Random random, String kind, String ref, String key, String service, String who, String path, Object body) {
        int times = random.nextInt(4) == 0 ? 2 : 1;
        List<Op> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(send(kind, ref, service, tokens.get(who), "POST", path, body, "Idempotency-Key", key));
        }
        return answers;
    }

    private void join(Random random, String organisations, int year, Map<String, Boolean> joins) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Op organisation = send(
                "organisation",
                suffix,
                "memberships",
                tokens.get(COORDINATOR),
                "POST",
                "/organisations",
                Map.of(
                        "name",
                        organisations + suffix,
                        "acronym",
                        "KMP-" + suffix,
                        "kind",
                        "OTHER",
                        "seatCountry",
                        "FI",
                        "feeModel",
                        Map.of("type", "FLAT", "flatFee", FEE.toString())));
        if (organisation.status() != 201 || organisation.ref() == null) {
            return;
        }
        String key = UUID.randomUUID().toString();
        Op proposed = send(
                "membership",
                key,
                "memberships",
                tokens.get(COORDINATOR),
                "POST",
                "/memberships",
                Map.of(
                        "holder",
                        "KIELREGION",
                        "organisationId",
                        organisation.ref(),
                        "startDate",
                        year + "-01-01",
                        "yearlyFee",
                        FEE.toString()),
                "Idempotency-Key",
                key);
        if (proposed.status() != 201 || proposed.ref() == null) {
            return;
        }
        String membership = proposed.ref();
        String decision = UUID.randomUUID().toString();
        joins.put(membership, false);
        for (Op decided : postOnceOrTwice(
                random,
                "membership-decision",
                membership,
                decision,
                "memberships",
                DECIDER,
                "/memberships/" + membership + "/decisions",
                Map.of(
                        "kind",
                        "JOIN",
                        "body",
                        "SUPERVISORY_BOARD",
                        "decidedOn",
                        "2026-11-27",
                        "outcome",
                        "APPROVED"))) {
            if (decided.status() == 201) {
                joins.put(membership, true);
            }
        }
        pause(200 + random.nextInt(400));
    }

    /** What the lifecycle workload was told: per title, whether its proposal, decision, cancellation was answered 2xx. */
    static final class Lifecycles {
        final Map<String, Boolean> proposed = new ConcurrentHashMap<>();
        final Map<String, Boolean> decided = new ConcurrentHashMap<>();
        final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();
    }

    /**
     * A project's life under faults: proposed (POST with an Idempotency-Key, at times twice), put
     * to the board, approved (a decision, at times sent twice), raced on by the allocators for a
     * moment, then cancelled, which gives its allocations back.
     */
    private void lifecycle(Random random, String prefix, List<String> pool, Lifecycles lives) {
        String title = prefix + UUID.randomUUID().toString().substring(0, 8);
        lives.proposed.putIfAbsent(title, false);
        String id = null;
        for (Op op : postOnceOrTwice(
                random,
                "project",
                title,
                UUID.randomUUID().toString(),
                "projects",
                COORDINATOR,
                "/projects",
                Map.of("title", title, "shareholders", List.of("KIEL")))) {
            if (op.status() == 201 && op.ref() != null) {
                lives.proposed.put(title, true);
                if (id != null && !id.equals(op.ref())) {
                    violations.add("applied twice: the proposal of " + title + " (one Idempotency-Key) made projects "
                            + id + " and " + op.ref());
                }
                id = op.ref();
            }
        }
        if (id == null) {
            return;
        }
        if (move(title, id, "PROPOSED").status() != 200) {
            return;
        }
        lives.decided.putIfAbsent(title, false);
        for (Op op : postOnceOrTwice(
                random,
                "project-decision",
                title,
                UUID.randomUUID().toString(),
                "projects",
                DECIDER,
                "/projects/" + id + "/decisions",
                Map.of("body", "SUPERVISORY_BOARD", "decidedOn", "2026-11-27", "outcome", "APPROVED"))) {
            if (op.status() == 201) {
                lives.decided.put(title, true);
            }
        }
        if (!lives.decided.get(title)) {
            return;
        }
        pool.add(id); // the allocators race on it now
        pause(1000 + random.nextInt(2000));
        lives.cancelled.putIfAbsent(title, false);
        Op cancel = move(title, id, "CANCELLED");
        if (cancel.status() == 200) {
            lives.cancelled.put(title, true);
        }
        pause(500);
        pool.remove(id); // after a moment: allocations to it are refused (409) meanwhile
    }

    /** Moves a project of the lifecycle workload by hand (POST /projects/{id}/status). */
    private Op move(String title, String id, String status) {
        return send(
                "project-status",
                title,
                "projects",
                tokens.get(COORDINATOR),
                "POST",
                "/projects/" + id + "/status",
                Map.of("status", status));
    }

    /**
     * Projects: each proposal answered 201 is stored once (a repeated key makes no second one);
     * each approval answered 201 is in the decision register once; a project whose cancellation was
     * answered 200 is CANCELLED and holds no allocation any more (all given back, none made after).
     */
    private void checkLifecycles(String prefix, Lifecycles lives) {
        Map<String, String> stored = new java.util.HashMap<>();
        for (String row : suite.ids(
                "projects",
                "SELECT title || '|' || id || '|' || status FROM project WHERE title LIKE ?",
                prefix + "%")) {
            String[] parts = row.split("\\|");
            if (stored.put(parts[0], parts[1] + "|" + parts[2]) != null) {
                violations.add("applied twice: project " + parts[0] + " was proposed once (one Idempotency-Key) but is"
                        + " stored twice");
            }
        }
        int cancelledCount = 0;
        for (Map.Entry<String, Boolean> proposal : lives.proposed.entrySet()) {
            String title = proposal.getKey();
            String row = stored.get(title);
            if (row == null) {
                if (proposal.getValue()) {
                    violations.add("lost: project " + title + " was answered 201 but is not stored");
                }
                continue;
            }
            String id = row.substring(0, row.indexOf('|'));
            String status = row.substring(row.indexOf('|') + 1);
            long decisions = suite.count("projects", "SELECT count(*) FROM decision WHERE subject_id = ?::uuid", id);
            if (decisions > 1) {
                violations.add("applied twice: project " + title + " has " + decisions + " decisions, one was sent"
                        + " (with one Idempotency-Key)");
            } else if (Boolean.TRUE.equals(lives.decided.get(title)) && decisions == 0) {
                violations.add(
                        "lost: the approval of project " + title + " was answered 201 but is not in the register");
            }
            if (Boolean.TRUE.equals(lives.cancelled.get(title))) {
                cancelledCount++;
                if (!status.equals("CANCELLED")) {
                    violations.add("lost: the cancellation of project " + title + " was answered 200, its status is "
                            + status);
                }
                long held = suite.count(
                        "projects",
                        "SELECT count(*) FROM allocation WHERE subject_id = ?::uuid AND status = 'ALLOCATED'",
                        id);
                if (held > 0) {
                    violations.add("cancelled project " + title + " still holds " + held + " allocations");
                }
            }
        }
        if (cancelledCount == 0) {
            violations.add("the workload made no progress on projects: no cancellation answered 200");
        }
        System.out.printf(
                "Projects: %d proposals, %d answered 201, %d approvals answered 201, %d cancellations answered 200%n",
                lives.proposed.size(),
                lives.proposed.values().stream().filter(Boolean::booleanValue).count(),
                lives.decided.values().stream().filter(Boolean::booleanValue).count(),
                cancelledCount);
    }

    private static Map<String, Object> activity(String key, String theme, String externalId) {
        Map<String, Object> a = new java.util.HashMap<>(Map.of(
                "title",
                "Kampagne " + key.substring(key.length() - 6),
                "kind",
                "EXCHANGE",
                "yearFrom",
                2026,
                "themes",
                List.of(theme)));
        if (externalId != null) {
            a.put("externalId", externalId);
        }
        return a;
    }

    private Op send(
            String kind,
            String key,
            String service,
            String token,
            String method,
            String path,
            Object body,
            String... headers) {
        Instant start = Instant.now();
        int status = 0;
        String problem = null;
        String outcome = null;
        String ref = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 400 && type.startsWith("application/problem+json")) {
                problem = status == 503
                                && response.headers().firstValue("Retry-After").isEmpty()
                        ? null // a 503 must say when to come back
                        : JSON.readTree(response.body()).path("type").asText("about:blank");
            }
            if (status >= 200 && status < 300 && response.body().startsWith("{")) {
                JsonNode answer = JSON.readTree(response.body());
                outcome = answer.path("status").asText(null);
                ref = answer.path("id").asText(null);
            }
            if (status == 429) {
                pause(1000L
                        * Long.parseLong(
                                response.headers().firstValue("Retry-After").orElse("1")));
            }
        } catch (java.net.http.HttpTimeoutException e) {
            violations.add(kind + " " + key + ": no answer within 30 s (a request hung)");
        } catch (IOException e) {
            // The service was killed or is starting: no answer, the request may or may not have been done.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Op op = new Op(kind, key, status, problem, outcome, ref, start, Instant.now());
        history.add(op);
        if (status == 0) {
            pause(200); // a client does not hammer a service that is down
        }
        return op;
    }

    private void put(String service, String token, String path, Object body, int expected) {
        Op op = send("setup", path, service, token, "PUT", path, body);
        assertEquals(expected, op.status(), "set-up " + path);
        history.remove(op);
    }

    private String approvedProject(String title) throws Exception {
        HttpResponse<String> proposed = http.send(
                HttpRequest.newBuilder(URI.create(suite.url("projects") + "/projects"))
                        .header("Authorization", "Bearer " + COORDINATOR)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("title", title, "shareholders", List.of("KIEL")))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, proposed.statusCode(), proposed.body());
        String id = JSON.readTree(proposed.body()).path("id").asText();
        suite.as("projects", COORDINATOR)
                .body(Map.of("status", "PROPOSED"))
                .when()
                .post("/projects/" + id + "/status")
                .then()
                .statusCode(200);
        suite.as("projects", DECIDER)
                .body(Map.of("body", "SUPERVISORY_BOARD", "decidedOn", "2026-11-27", "outcome", "APPROVED"))
                .when()
                .post("/projects/" + id + "/decisions")
                .then()
                .statusCode(201);
        return id;
    }

    private JsonNode budgetLine(int year) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(suite.url("projects") + "/budget/" + year))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + tokens.get(VIEWER))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            for (JsonNode line : JSON.readTree(response.body()).path("lines")) {
                if (line.path("category").asText().equals("PROJECT_FUNDS")) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Set<String> keysOf(String kind, boolean answered) {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        for (Op op : history) {
            if ((op.kind().equals(kind) || op.kind().equals(kind + "-in-bulk"))
                    && (answered ? op.ok() : op.indeterminate())) {
                keys.add(op.key());
            }
        }
        return keys;
    }

    /** The external ids of the campaign's activities the receiver processed (its dedupe drops a repeated webhook-id). */
    private static Set<String> delivered(
            de.kielregion.kooperation.infra.testing.WebhookReceiver receiver, String theme) {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        for (var request : receiver.processed()) {
            try {
                JsonNode data = JSON.readTree(request.body()).path("data");
                if (data.path("externalId").asText().startsWith(theme.hashCode() + "-")) {
                    keys.add(data.path("externalId").asText());
                }
            } catch (IOException e) {
                // not JSON: not one of ours
            }
        }
        return keys;
    }

    private long themeCount(String theme) {
        return suite.count("projects", "SELECT count(*) FROM existing_activity_theme WHERE theme = ?", theme);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The workload's tokens, fetched again after ten minutes (a long campaign outlives an access
     * token's 30 minutes); while Keycloak is down the old ones are kept and tried again later.
     */
    final class Tokens {
        private final Map<String, String> current = new ConcurrentHashMap<>();
        private volatile long fetchedAt = System.nanoTime();

        /** The fresh token of the one whose token {@code initial} was (one of the suite's). */
        String get(String initial) {
            if (System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(10)) {
                refresh();
            }
            return current.getOrDefault(initial, initial);
        }

        private synchronized void refresh() {
            if (System.nanoTime() - fetchedAt <= TimeUnit.MINUTES.toNanos(10)) {
                return;
            }
            try {
                KeycloakServer keycloak = suite.keycloak();
                current.put(KIEL, Suite.shareholder("KIEL"));
                current.put(COORDINATOR, keycloak.user("carla.coordinator", "demo-coordinator"));
                current.put(DECIDER, keycloak.user("dirk.decider", "demo-decider"));
                current.put(VIEWER, keycloak.user("vera.viewer", "demo-viewer"));
                fetchedAt = System.nanoTime();
            } catch (RuntimeException e) {
                fetchedAt += TimeUnit.MINUTES.toNanos(1); // Keycloak is down: the old tokens still hold
            }
        }
    }

    // --- the nemesis -------------------------------------------------------------------------

    /** Seeded faults; each heals itself before it returns. */
    static final class Nemesis {

        private final Suite suite;
        private final Map<String, Integer> faults;
        private final Set<Long> stopped = ConcurrentHashMap.newKeySet();
        private final Set<String> busy = ConcurrentHashMap.newKeySet();

        Nemesis(Suite suite, Map<String, Integer> faults) {
            this.suite = suite;
            this.faults = faults;
        }

        /** A fault of a seeded kind and target (the random numbers are drawn now, in order). */
        Runnable pick(Random random) {
            int kind = random.nextInt(9);
            String service = SERVICES.get(random.nextInt(SERVICES.size()));
            long millis = 1000 + random.nextInt(3000);
            return switch (kind) {
                case 0, 1 ->
                    exclusive(service, "kill " + service, () -> {
                        suite.kill(service);
                        pause(millis / 4);
                        suite.restart(service);
                    });
                case 2 ->
                    exclusive(
                            service,
                            "pause " + service,
                            () -> stopFor(List.of(suite.process(service).toHandle()), millis));
                case 3 -> exclusive("postgres", "pause PostgreSQL", () -> stopFor(postgres(), millis));
                case 4 ->
                    exclusive(
                            "keycloak",
                            "pause Keycloak",
                            () -> stopFor(suite.keycloak().processes(), millis));
                case 5 ->
                    exclusive("kafka", "restart broker", () -> {
                        // Down for a moment, then up on its port and logs: producers wait in their
                        // outboxes, consumers reconnect. (restart() alone only starts a stopped broker.)
                        try {
                            suite.kafka().stop();
                            pause(millis);
                        } finally {
                            suite.kafka().restart();
                        }
                    });
                case 6 -> exclusive("postgres", "restart PostgreSQL (fast)", () -> restartPostgres("fast"));
                case 7 -> exclusive("postgres", "restart PostgreSQL (immediate)", () -> restartPostgres("immediate"));
                default ->
                    exclusive("keycloak", "stop Keycloak", () -> {
                        // Tokens are verified with the keys the services fetched before: reads and
                        // writes go on; a service restarted meanwhile waits for the keys.
                        suite.keycloak().stop();
                        pause(millis);
                        suite.keycloak().start();
                    });
            };
        }

        /** A fault on a target nothing else is doing something to at the moment (else nothing). */
        private Runnable exclusive(String target, String name, Runnable fault) {
            return () -> {
                if (!busy.add(target)) {
                    return;
                }
                try {
                    faults.merge(name, 1, Integer::sum);
                    System.out.printf("[campaign] %s %s%n", Instant.now(), name);
                    fault.run();
                } finally {
                    busy.remove(target);
                }
            };
        }

        /** SIGSTOP, then SIGCONT after {@code millis}: to the others it looks like a partition or a long GC. */
        private void stopFor(List<ProcessHandle> processes, long millis) {
            List<Long> pids = processes.stream().map(ProcessHandle::pid).toList();
            signal("STOP", pids);
            stopped.addAll(pids);
            FaultCampaignTest.pause(millis);
            signal("CONT", pids);
            pids.forEach(stopped::remove);
        }

        void healAll() {
            signal("CONT", new ArrayList<>(stopped));
            stopped.clear();
            suite.kafka().restart(); // a running broker is left alone
            suite.keycloak().start();
            for (String service : SERVICES.stream().distinct().toList()) {
                if (!suite.process(service).isAlive()) {
                    suite.restart(service);
                }
            }
        }

        /** Restarts the suite's PostgreSQL: "fast" (open transactions rolled back) or "immediate" (crash recovery). */
        private void restartPostgres(String mode) {
            suite.restartPostgres(mode);
        }

        /** PostgreSQL's server process and its backends (the suite's server, by its port). */
        private List<ProcessHandle> postgres() {
            String port = "-p "
                    + URI.create(suite.postgresUrl().substring("jdbc:".length()))
                            .getPort();
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("bin/postgres")
                            && p.info().commandLine().orElse("").contains(port))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .toList();
        }

        private static void signal(String signal, List<Long> pids) {
            if (pids.isEmpty()) {
                return;
            }
            List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
            pids.forEach(p -> command.add(String.valueOf(p)));
            try {
                new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new IllegalStateException("kill -" + signal + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
