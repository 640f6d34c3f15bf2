package de.kielregion.kooperation.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's supervisor ({@code deploy/local/supervise.sh}, sourced by {@code run.sh}) with
 * small processes of the test's own in the components' place: one that ends on its own is started
 * again with the same command and said so; one that keeps dying stops the supervisor with the end
 * of its log; deaths further apart than the window are no crash loop.
 */
class LocalSupervisorTest {

    private static final Path SUPERVISOR =
            Path.of("..", "local", "supervise.sh").toAbsolutePath();

    @TempDir
    Path dir;

    /** Runs {@code components} (bash defining and calling start functions) under the supervisor. */
    private Process supervise(String components, String... env) throws IOException {
        String script = "set -euo pipefail\n"
                + "say() { printf '[run] %s\\n' \"$*\"; }\n"
                + ". '" + SUPERVISOR + "'\n"
                + components
                + "\nsv_supervise || { echo 'supervisor stopped'; exit 1; }\n";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().put("DIR", dir.toString());
        for (int i = 0; i + 1 < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        return builder.start();
    }

    /** The lines a process printed, read as they come. */
    private static List<String> lines(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void await(List<String> lines, Predicate<List<String>> until, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!until.test(lines)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 20 s; the supervisor said: " + lines);
            }
            Thread.sleep(50);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Test
    void aComponentThatEndsOnItsOwnIsStartedAgainWithTheSameCommandAndTheOthersAreLeftAlone() throws Exception {
        Process process = supervise("""
                start_steady() { sleep 120 >> "$DIR/steady.log" 2>&1 & sv_started steady $! "$DIR/steady.log" start_steady; }
                start_flaky() {
                  bash -c 'n=$(cat "$DIR/starts" 2>/dev/null || echo 0); echo $((n + 1)) > "$DIR/starts"
                           echo "start $((n + 1)) as $$"; [ "$n" -gt 0 ] || exit 3; exec sleep 120' \\
                    >> "$DIR/flaky.log" 2>&1 &
                  sv_started flaky-service $! "$DIR/flaky.log" start_flaky
                }
                start_steady
                start_flaky
                """);
        try {
            List<String> lines = lines(process);
            await(lines, l -> l.stream().anyMatch(s -> s.contains("starting it again")), "restart");
            await(lines, l -> fileContains("flaky.log", "start 2"), "second start");
            Thread.sleep(1500);
            assertEquals(
                    List.of("[run] flaky-service ended on its own (exit code 3); starting it again with the same"
                            + " settings (log: " + dir.resolve("flaky.log") + ")."),
                    lines,
                    "one restart, said once; the steady component was not touched");
            assertTrue(process.isAlive(), "the supervisor goes on");
            assertEquals(
                    List.of("start 1 as", "start 2 as"),
                    Files.readAllLines(dir.resolve("flaky.log")).stream()
                            .map(s -> s.replaceAll("\\d+$", "").strip())
                            .toList(),
                    "the same command again, its log appended to");
            assertEquals(
                    2,
                    process.descendants()
                            .filter(p -> p.info().command().orElse("").endsWith("sleep")
                                    && List.of("120")
                                            .equals(List.of(p.info().arguments().orElse(new String[0]))))
                            .count(),
                    "steady and the restarted flaky are running");
        } finally {
            stop(process);
        }
    }

    @Test
    void aCrashLoopStopsTheSupervisorWithTheEndOfTheComponentsLog() throws Exception {
        Process process = supervise("""
                start_dying() {
                  bash -c 'echo "cannot bind port 8081 (attempt $$)"; kill -9 $$' >> "$DIR/dying.log" 2>&1 &
                  sv_started dying-service $! "$DIR/dying.log" start_dying
                }
                start_steady() { sleep 120 >> "$DIR/steady.log" 2>&1 & sv_started steady $! "$DIR/steady.log" start_steady; }
                start_steady
                start_dying
                """);
        try {
            List<String> lines = lines(process);
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the supervisor stops: " + lines);
            assertEquals(1, process.exitValue());
            Thread.sleep(200); // the last lines read
            assertEquals(
                    2,
                    lines.stream()
                            .filter(s -> s.contains("killed by SIGKILL); starting it again"))
                            .count(),
                    lines.toString());
            assertTrue(
                    lines.contains("[run] dying-service ended 3 times within 60 s (last exit code 137, killed by"
                            + " SIGKILL): a crash loop, so the stack stops."),
                    lines.toString());
            assertEquals(
                    3,
                    lines.stream()
                            .filter(s -> s.startsWith("    cannot bind port 8081"))
                            .count(),
                    "the end of its log, each death's line: " + lines);
            assertEquals("supervisor stopped", lines.get(lines.size() - 1));
        } finally {
            stop(process);
        }
    }

    @Test
    void deathsFurtherApartThanTheWindowAreNoCrashLoop() throws Exception {
        Process process = supervise("""
                start_tired() { bash -c 'sleep 1.2; exit 1' >> "$DIR/tired.log" 2>&1 & sv_started tired $! "$DIR/tired.log" start_tired; }
                start_tired
                """, "OSTSEE_CRASH_WINDOW", "1");
        try {
            List<String> lines = lines(process);
            await(
                    lines,
                    l -> l.stream().filter(s -> s.contains("starting it again")).count() >= 4,
                    "four restarts");
            assertTrue(process.isAlive(), "a death a second apart with a window of 1 s: " + lines);
            assertFalse(lines.stream().anyMatch(s -> s.contains("crash loop")), lines.toString());
        } finally {
            stop(process);
        }
    }

    private boolean fileContains(String name, String text) {
        try {
            return Files.exists(dir.resolve(name))
                    && Files.readString(dir.resolve(name)).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
