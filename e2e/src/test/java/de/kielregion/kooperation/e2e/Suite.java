package de.kielregion.kooperation.e2e;

import static io.restassured.RestAssured.given;

import de.kielregion.kooperation.infra.KafkaBroker;
import de.kielregion.kooperation.infra.Ports;
import de.kielregion.kooperation.infra.PostgresServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The suite as it is deployed: one real Kafka broker and one real PostgreSQL server (a
 * database per service), a real Keycloak with the project's realm, and the four services as
 * separate processes started from their runnable jars, checking Keycloak's tokens (audience
 * ostsee-api). Started once per test run, stopped when the JVM ends.
 */
public final class Suite {

    private static Suite running;

    /**
     * The services' JVM options: for the tests the JIT stops at C1 (the suite starts 4 JVMs on 2
     * cores; the tests are short, C2's compilations would cost more than they bring); the
     * benchmark gives the options of the local stack and production ({@code -De2e.jvm=...}).
     */
    static final List<String> JVM_OPTIONS = List.of(System.getProperty("e2e.jvm", "-XX:TieredStopAtLevel=1 -Xmx256m")
            .trim()
            .split("\\s+"));

    // Real tokens from the real Keycloak (demo users and clients of deploy/keycloak).
    public static final String ADMIN = get().keycloak.user("anna.admin", "demo-admin");
    public static final String COORDINATOR = get().keycloak.user("carla.coordinator", "demo-coordinator");
    public static final String DECIDER = get().keycloak.user("dirk.decider", "demo-decider");
    public static final String VIEWER = get().keycloak.user("vera.viewer", "demo-viewer");
    public static final String KIEL = shareholder("KIEL");

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final KeycloakServer keycloak;
    private final OtlpReceiver traces = new OtlpReceiver();
    private final Map<String, Process> processes = new HashMap<>();
    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, String> management = new HashMap<>();
    private final Map<String, ProcessBuilder> builders = new HashMap<>();
    private final Map<String, String> databases = new HashMap<>();

    /**
     * Starts everything side by side, as an orchestrator would: Keycloak first (its start takes
     * longest), PostgreSQL beside the broker, then the services and the portal without waiting for
     * Keycloak (they fetch its keys on the first request that needs them); then waits until all are
     * ready.
     */
    private Suite() {
        keycloak = new KeycloakServer();
        CompletableFuture<PostgresServer> startingPostgres = CompletableFuture.supplyAsync(PostgresServer::forTests);
        KafkaBroker broker = null;
        try {
            broker = KafkaBroker.startTemporary();
            postgres = startingPostgres.join();
        } catch (RuntimeException | Error e) {
            keycloak.kill();
            if (broker != null) {
                broker.close();
            }
            startingPostgres.thenAccept(PostgresServer::close);
            if (e instanceof CompletionException && e.getCause() instanceof RuntimeException cause) {
                throw cause; // PostgreSQL's own failure, not the future's wrapper
            }
            throw e;
        }
        kafka = broker;
        String oidcUrl = keycloak.issuer();
        List<String> services = List.of("partners", "projects", "memberships", "webhooks");
        try {
            for (String service : services) {
                prepare(service, oidcUrl);
                launch(service);
            }
            preparePortal(oidcUrl);
            launch("portal");
            keycloak.awaitReady();
            for (String service : services) {
                awaitReady(service);
            }
            awaitReady("portal");
        } catch (RuntimeException | Error e) {
            try {
                stop(); // nothing left running when the suite cannot start
            } catch (RuntimeException | Error s) {
                e.addSuppressed(s);
            }
            throw e;
        }
    }

    /** The portal as a process: the services' URLs, Keycloak (confidential client), the broker for live status. */
    private void preparePortal(String oidcUrl) {
        String jar = Path.of("..", "portal", "target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath()
                .normalize()
                .toString();
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException(jar + " is missing: build the portal first (./mvnw verify does)");
        }
        int port = Ports.free();
        ProcessBuilder builder = java(jar);
        Map<String, String> env = builder.environment();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(port));
        int managementPort = Ports.free();
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        management.put("portal", "http://127.0.0.1:" + managementPort);
        env.put("PARTNERS_URL", urls.get("partners"));
        env.put("PROJECTS_URL", urls.get("projects"));
        env.put("MEMBERSHIPS_URL", urls.get("memberships"));
        env.put("WEBHOOKS_URL", urls.get("webhooks"));
        env.put("OIDC_AUTH_SERVER_URL", oidcUrl);
        env.put("OIDC_ORIGIN", URI.create(oidcUrl).resolve("/").toString().replaceAll("/$", ""));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        tracing(env);
        builders.put("portal", builder);
        urls.put("portal", "http://127.0.0.1:" + port);
        try {
            Files.createDirectories(Path.of("target", "e2e-logs"));
            Files.deleteIfExists(Path.of("target", "e2e-logs", "portal-service.log"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the portal", e);
        }
    }

    /** A runnable jar in a JVM of its own, with {@link #JVM_OPTIONS}. */
    private static ProcessBuilder java(String jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2"); // as the local stack (deploy/local/run.sh)
        return builder;
    }

    /**
     * Traces on, as in production, exported to the suite's OTLP receiver without delay; off
     * with {@code -De2e.tracing=false} (the benchmark profile: the services as the local stack runs them).
     */
    private void tracing(Map<String, String> env) {
        if (!Boolean.parseBoolean(System.getProperty("e2e.tracing", "true"))) {
            return;
        }
        env.put("OTEL_SDK_DISABLED", "false");
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
        env.put("OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }

    /** The spans the suite's processes exported (OTLP over HTTP). */
    public OtlpReceiver traces() {
        return traces;
    }

    /** The running suite, started on first use. */
    public static synchronized Suite get() {
        if (running == null) {
            running = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "e2e-suite-stop"));
        }
        return running;
    }

    private String demoData;

    /**
     * Loads the workshop's demo data through the APIs, once per suite, and returns what the
     * first load said ("loaded ..."); every later call returns that same answer.
     */
    public synchronized String demoData() {
        if (demoData == null) {
            try {
                demoData = new de.kielregion.kooperation.infra.DemoData(
                                url("partners"),
                                url("projects"),
                                url("memberships"),
                                client("demo-loader", "demo-secret-demo-loader"))
                        .load();
            } catch (Exception e) {
                throw new IllegalStateException("Loading the demo data failed", e);
            }
        }
        return demoData;
    }

    /** The token of a shareholder's IT system (client credentials, claim shareholder). */
    public static String shareholder(String shareholder) {
        String client = shareholder.toLowerCase().replace('_', '-') + "-it";
        return get().keycloak.client(client, "demo-secret-" + client);
    }

    /** A machine client's token. */
    public String client(String clientId, String secret) {
        return keycloak.client(clientId, secret);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * The activity events partners-service produced for {@code theme} ({@code [0]}) and how many of
     * them projects-service's inbox holds ({@code [1]}): equal when each was applied (once: the
     * inbox keeps an event's id once).
     */
    public long[] activityEventsProducedAndApplied(String theme) {
        String type = "cooperation.activity.upserted.v1";
        long produced = count(
                "partners",
                "SELECT count(*) FROM outbox_event WHERE type = ? AND jsonb_exists(payload->'themes', ?)",
                type,
                theme);
        long applied = count(
                "projects",
                "SELECT count(*) FROM inbox_event WHERE type = ? AND id = ANY (?)",
                type,
                ids(
                        "partners",
                        "SELECT id::text FROM outbox_event WHERE type = ? AND jsonb_exists(payload->'themes', ?)",
                        type,
                        theme));
        return new long[] {produced, applied};
    }

    /** Restarts the suite's PostgreSQL ({@code pg_ctl restart -m mode}); returns once it is back. */
    public void restartPostgres(String mode) {
        postgres.restart(mode);
    }

    /** The JDBC URL of the suite's PostgreSQL server (its maintenance database). */
    public String postgresUrl() {
        return postgres.jdbcUrl("postgres");
    }

    /** The real Keycloak the suite runs against. */
    KeycloakServer keycloak() {
        return keycloak;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The process of a service ("partners", ...) or of the portal. */
    public Process process(String service) {
        return processes.get(service);
    }

    /** A service's log file (target/e2e-logs). */
    public Path log(String service) {
        return Path.of("target", "e2e-logs", service + "-service.log");
    }

    public String url(String service) {
        return urls.get(service);
    }

    /** The management interface (health, metrics) of a service or the portal. */
    public String management(String service) {
        return management.get(service);
    }

    /** Requests to {@code service} (partners, projects, memberships) with {@code token}. */
    public RequestSpecification as(String service, String token) {
        return given().baseUri(urls.get(service))
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
    }

    /**
     * A webhook subscription of {@code token}'s owner at {@code receiver} to {@code types} (and
     * {@code more} fields), the receiver trusting its secret; returns the subscription's id.
     */
    @SuppressWarnings("unchecked")
    public String subscribe(
            String token,
            de.kielregion.kooperation.infra.testing.WebhookReceiver receiver,
            List<String> types,
            Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("targetUrl", receiver.url());
        body.put("eventTypes", types);
        Map<String, Object> created = as("webhooks", token)
                .body(body)
                .post("/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        receiver.trust((String) created.get("secret"));
        return (String) created.get("id");
    }

    /** Kills the service's process at once (SIGKILL): no shutdown hook, no clean commit. */
    public void kill(String service) {
        Process process = processes.get(service);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the service again on its port and database, and waits until it is ready. */
    public void restart(String service) {
        Process running = processes.get(service);
        if (running != null && running.isAlive()) {
            // A second process would fail to bind the port while the first one answers the
            // readiness check: the test would go on against the old process.
            throw new IllegalStateException(service + "-service is still running: stop or kill it first");
        }
        launch(service);
        awaitReady(service);
    }

    /** Starts several services again at once (as an orchestrator restarts pods) and waits until all are ready. */
    public void restart(String... services) {
        for (String service : services) {
            Process running = processes.get(service);
            if (running != null && running.isAlive()) {
                throw new IllegalStateException(service + "-service is still running: stop or kill it first");
            }
        }
        for (String service : services) {
            launch(service);
        }
        for (String service : services) {
            awaitReady(service);
        }
    }

    /** {@link #restart(String)} with more JVM options for this start only (after the usual ones). */
    public void restart(String service, List<String> jvmOptions) {
        ProcessBuilder builder = builders.get(service);
        List<String> usual = new ArrayList<>(builder.command());
        List<String> command = new ArrayList<>(usual);
        command.addAll(1 + JVM_OPTIONS.size(), jvmOptions);
        builder.command(command);
        try {
            restart(service);
        } finally {
            builder.command(usual);
        }
    }

    /** Stops the service as an orchestrator would (SIGTERM: its shutdown runs) and waits for its exit. */
    public void stop(String service) {
        Process process = processes.get(service);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException(service + " did not stop within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The name of a service's database on the suite's PostgreSQL server. */
    public String databaseName(String service) {
        String url = databases.get(service);
        int query = url.indexOf('?');
        return url.substring(url.lastIndexOf('/') + 1, query < 0 ? url.length() : query);
    }

    /**
     * A statement on the PostgreSQL server's maintenance database (creating and dropping whole
     * databases: the restore rehearsal).
     */
    public void onServer(String sql) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
                java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A statement on a service's database (benchmarks: an index dropped and made again). */
    public void execute(String service, String sql) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        databases.get(service), postgres.user(), postgres.password());
                java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A count straight from a service's database, to observe effects (tests only). */
    public long count(String service, String sql, Object... parameters) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        databases.get(service), postgres.user(), postgres.password());
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("varchar", array));
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Rows straight from a service's database, each as its columns joined with '|', sorted. */
    public List<String> rows(String service, String sql) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        databases.get(service), postgres.user(), postgres.password());
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            rows.sort(null);
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Pairs of (id, timestamp) straight from a service's database. */
    public Map<String, java.time.Instant> times(String service, String sql, Object... parameters) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        databases.get(service), postgres.user(), postgres.password());
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            Map<String, java.time.Instant> times = new HashMap<>();
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
            return times;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Text values of one column straight from a service's database. */
    public String[] ids(String service, String sql, Object... parameters) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        databases.get(service), postgres.user(), postgres.password());
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values.toArray(String[]::new);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void launch(String service) {
        try {
            Path log = Path.of("target", "e2e-logs", service + "-service.log");
            processes.put(
                    service,
                    builders.get(service)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + service + "-service", e);
        }
    }

    private void prepare(String service, String oidcUrl) {
        String jar = Path.of("..", service + "-service", "target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath()
                .normalize()
                .toString();
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw verify does)");
        }
        int port = Ports.free();
        String database = "e2e_" + service + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String dbUrl = postgres.createDatabase(database);
        Path log = Path.of("target", "e2e-logs", service + "-service.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = java(jar);
            Map<String, String> env = builder.environment();
            env.put("HTTP_HOST", "127.0.0.1");
            env.put("HTTP_PORT", String.valueOf(port));
            int managementPort = Ports.free();
            env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
            management.put(service, "http://127.0.0.1:" + managementPort);
            env.put("DB_URL", dbUrl);
            env.put("DB_USER", postgres.user());
            env.put("DB_PASSWORD", postgres.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("OIDC_AUTH_SERVER_URL", oidcUrl);
            env.put("OIDC_AUDIENCE", "ostsee-api");
            env.put("OSTSEE_OUTBOX_SWEEP_INTERVAL", "500ms");
            // webhooks-service: a key for the secrets at rest, receivers of the tests on loopback.
            env.put("WEBHOOKS_SECRET_KEY", "q0x8HqMBgAbnE0nqlA0xDljBGIEpsmFXqs3mVuPiUkU=");
            env.put("WEBHOOKS_ALLOW_LOOPBACK_HTTP", "true");
            // The request rate limit as in production; the benchmarks (one client doing the work of
            // many) turn it off with -De2e.rate-limit=false.
            env.put("RATE_LIMIT_ENABLED", System.getProperty("e2e.rate-limit", "true"));
            if (Boolean.parseBoolean(System.getProperty("e2e.short-waits", "true"))) {
                // A killed consumer's partitions go to the restarted one after 10 s (Kafka's default
                // session timeout, 45 s, left the restarted consumers idle for half a minute), and a
                // failed delivery is tried again after 0.5 s (production: 5 s; the schedule itself is
                // webhooks-service's DeliveryTest's). The benchmarks keep production's values.
                env.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
                env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "3000");
                env.put("WEBHOOKS_RETRY_INITIAL", "500ms");
                // The relay gives a batch the broker does not acknowledge 6 s (production: 20 s) and
                // retries an unreachable broker at least every second (5 s): an outage is seen and
                // its end used sooner. A batch sent twice is applied once (the inbox).
                env.put("OSTSEE_OUTBOX_SEND_TIMEOUT", "6s");
                env.put("OSTSEE_OUTBOX_MAX_BACKOFF", "1s");
            }
            tracing(env);
            builders.put(service, builder);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + service + "-service", e);
        }
        databases.put(service, dbUrl);
        urls.put(service, "http://127.0.0.1:" + port);
    }

    private void awaitReady(String service) {
        HttpClient client = HttpClient.newHttpClient();
        await(Duration.ofSeconds(120), service + "-service ready (see target/e2e-logs)", () -> {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(
                        service + "-service exited; see target/e2e-logs/" + service + "-service.log");
            }
            try {
                return client.send(
                                        HttpRequest.newBuilder(URI.create(management.get(service) + "/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** Waits until {@code condition} holds, polling; fails naming {@code what} after {@code timeout}. */
    public static void await(Duration timeout, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * At the end of the run nothing of the suite's state is needed any more: the processes are
     * killed (a graceful stop of five JVMs and Keycloak took seconds), then the broker and
     * PostgreSQL stop side by side.
     */
    private void stop() {
        List<Process> all = new ArrayList<>(processes.values());
        all.forEach(Process::destroyForcibly);
        keycloak.kill();
        for (Process p : all) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CompletableFuture<Void> broker =
                kafka == null ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(kafka::close);
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            broker.join();
            traces.stop();
        }
    }
}
