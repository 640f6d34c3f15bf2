package de.kielregion.kooperation.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.infra.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real Keycloak (keycloak-quarkus-dist, unpacked by the build into target/keycloak) in dev
 * mode on loopback, with the project's realm from deploy/keycloak imported; hands out real
 * tokens by password and client-credentials grants.
 */
final class KeycloakServer implements AutoCloseable {

    private final Path home;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile Process process;

    KeycloakServer() {
        try (var dirs = Files.list(Path.of("target", "keycloak"))) {
            home = dirs.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("target/keycloak is empty: run the build first"));
            Files.createDirectories(home.resolve("data/import"));
            // A fresh database each run: Keycloak imports a realm only into a database without it.
            deleteRecursively(home.resolve("data/h2"));
            Files.copy(
                    Path.of("..", "deploy", "keycloak", "ostsee-realm.json"),
                    home.resolve("data/import/ostsee-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            port = Ports.free();
            managementPort = Ports.free();
            log = Path.of("target", "e2e-logs", "keycloak.log");
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare Keycloak", e);
        }
        launch();
    }

    /**
     * Starts Keycloak (again) on its port with its database (a restart keeps the realm, its keys
     * and users) and waits until it is ready.
     */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        launch();
        awaitReady();
    }

    /**
     * Starts Keycloak's process without waiting for it: the suite starts everything else meanwhile
     * (Keycloak takes longest) and then waits with {@link #awaitReady}.
     */
    private synchronized void launch() {
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            "bash",
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--http-management-port=" + managementPort,
                            "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "demo-admin");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Keycloak", e);
        }
    }

    /** Waits until the Keycloak last launched answers with the realm's OpenID configuration. */
    void awaitReady() {
        Process started = process;
        Suite.await(Duration.ofMinutes(5), "Keycloak ready (see target/e2e-logs/keycloak.log)", () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see target/e2e-logs/keycloak.log");
            }
            try {
                return client.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(issuer() + "/.well-known/openid-configuration"))
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

    /** Whether Keycloak's process runs (it may still be starting). */
    boolean running() {
        return process != null && process.isAlive();
    }

    String issuer() {
        return base() + "/realms/ostsee";
    }

    /** Keycloak's own address (realms, the admin REST API). */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    private String adminToken;
    private long adminTokenUntil;

    /**
     * A token of the bootstrap administrator (master realm) for the admin REST API; the same one
     * for 30 s (it lives 60 s), as an admin client would keep it.
     */
    synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenUntil > 0) {
            adminToken = token(
                    base() + "/realms/master/protocol/openid-connect/token",
                    "grant_type=password&client_id=admin-cli&username=admin&password=demo-admin");
            adminTokenUntil = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        }
        return adminToken;
    }

    /** A demo user's access token (password grant on the demo-only test client; the portal client has no password grant). */
    String user(String username, String password) {
        return token("grant_type=password&client_id=demo-test-login&username=" + encode(username) + "&password="
                + encode(password));
    }

    /** A machine client's access token (client credentials). */
    String client(String clientId, String secret) {
        return token(
                "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret));
    }

    private String token(String form) {
        return token(issuer() + "/protocol/openid-connect/token", form);
    }

    /** The access token a token endpoint answers a form with. */
    String token(String endpoint, String form) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(endpoint))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + response.body());
            }
            return new ObjectMapper()
                    .readTree(response.body())
                    .path("access_token")
                    .asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Keycloak's processes (its start script and the JVM it runs), e.g. to pause them. */
    java.util.List<ProcessHandle> processes() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .toList();
    }

    /** Stops Keycloak (its start script and the JVM it runs) and waits until it is gone. */
    synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        java.util.List<ProcessHandle> tree = processes(); // before the script ends and its JVM is orphaned
        tree.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle p : tree) {
                p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Kills Keycloak's processes at once (the suite's end: its database is thrown away anyway). */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        java.util.List<ProcessHandle> tree = processes();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // gone or going: nothing more to do
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
