package de.kielregion.kooperation.e2e;

import static de.kielregion.kooperation.e2e.Suite.COORDINATOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Data for the benchmarks, created through the APIs as users would create it. */
public final class Seed {

    private Seed() {}

    /** {@code count} projects through the API (4 clients), rated so that the quick-win order has work to do. */
    public static void projects(Suite suite, int count) throws Exception {
        projects(suite, count, i -> "Benchmark-Projekt " + i);
    }

    /** {@code count} projects through the API (4 clients), project i titled {@code title.apply(i)}. */
    public static void projects(Suite suite, int count, java.util.function.IntFunction<String> title) throws Exception {
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                for (int i = offset; i < count; i += 4) {
                    suite.as("projects", COORDINATOR)
                            .body(Map.of(
                                    "title",
                                    title.apply(i),
                                    "effort",
                                    1 + i % 5,
                                    "impact",
                                    1 + (i / 5) % 5,
                                    "monthsToStart",
                                    i % 24,
                                    "fundingSecured",
                                    i % 101))
                            .when()
                            .post("/projects")
                            .then()
                            .statusCode(201);
                    int n = done.incrementAndGet();
                    if (n % 1000 == 0) {
                        System.out.printf("... %,d projects created%n", n);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%,d projects created through the API in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }
}
