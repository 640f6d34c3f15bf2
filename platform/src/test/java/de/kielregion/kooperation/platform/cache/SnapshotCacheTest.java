package de.kielregion.kooperation.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kielregion.kooperation.platform.testapp.Widget;
import de.kielregion.kooperation.platform.web.ListQuery;
import de.kielregion.kooperation.platform.web.Page;
import de.kielregion.kooperation.platform.web.PageQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An answer is computed once per state of the database, again after any write, never from a writing transaction. */
@QuarkusTest
class SnapshotCacheTest {

    @Inject
    SnapshotCache cache;

    @Inject
    EntityManager em;

    private long count() {
        return em.createQuery("SELECT count(w) FROM Widget w", Long.class).getSingleResult();
    }

    private void insert(String name) {
        QuarkusTransaction.requiringNew().run(() -> {
            Widget w = new Widget();
            w.id = UUID.randomUUID();
            w.name = name;
            em.persist(w);
        });
    }

    @Test
    void computedOncePerStateOfTheDatabase() {
        String key = "widgets:" + UUID.randomUUID();
        AtomicInteger computed = new AtomicInteger();
        long before = QuarkusTransaction.requiringNew()
                .call(() -> cache.get(key, () -> {
                    computed.incrementAndGet();
                    return count();
                }));
        long again = QuarkusTransaction.requiringNew()
                .call(() -> cache.get(key, () -> {
                    computed.incrementAndGet();
                    return count();
                }));
        assertEquals(before, again);
        assertEquals(1, computed.get(), "unchanged database: the stored answer");

        insert("cached?");
        long after = QuarkusTransaction.requiringNew()
                .call(() -> cache.get(key, () -> {
                    computed.incrementAndGet();
                    return count();
                }));
        assertEquals(2, computed.get(), "a write: computed again");
        assertEquals(before + 1, after);
    }

    @Test
    void requestsAskingWhileTheAnswerIsComputedWaitForItInsteadOfComputingItAgain() throws Exception {
        String key = "widgets:" + UUID.randomUUID();
        AtomicInteger computed = new AtomicInteger();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Long>> answers = new java.util.ArrayList<>();
            answers.add(pool.submit(() -> QuarkusTransaction.requiringNew()
                    .call(() -> cache.get(key, () -> {
                        computed.incrementAndGet();
                        started.countDown();
                        await(release);
                        return count();
                    }))));
            await(started);
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> QuarkusTransaction.requiringNew()
                        .call(() -> cache.get(key, () -> {
                            computed.incrementAndGet();
                            return count();
                        }))));
            }
            Thread.sleep(300); // the three ask while the first computes
            release.countDown();
            long first = answers.get(0).get();
            for (var answer : answers) {
                assertEquals(first, answer.get());
            }
            assertEquals(1, computed.get(), "one computation for the four requests of one state");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTransactionThatWroteNeitherReadsNorStores() {
        String key = "widgets:" + UUID.randomUUID();
        long committed = QuarkusTransaction.requiringNew().call(() -> cache.get(key, this::count));
        // Writes, asks (sees its own row), rolls back.
        java.util.concurrent.atomic.AtomicLong inside = new java.util.concurrent.atomic.AtomicLong();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Widget w = new Widget();
                w.id = UUID.randomUUID();
                w.name = "rolled back";
                em.persist(w);
                em.flush();
                inside.set(cache.get(key, this::count));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(committed + 1, inside.get(), "its own uncommitted row counts for itself");
        long afterwards = QuarkusTransaction.requiringNew().call(() -> cache.get(key, this::count));
        assertEquals(committed, afterwards, "the rolled-back count was not stored");
    }

    @Test
    void listPagesKeepTheirOrderAndTheirTotalAcrossWrites() {
        String prefix = "LQ-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 7; i++) {
            insert(prefix + (char) ('g' - i)); // inserted in the reverse of the name order
        }
        Map<String, String> sortable = Map.of("name", "w.name");
        Page<Widget> first = QuarkusTransaction.requiringNew()
                .call(() -> ListQuery.of(Widget.class, "w")
                        .where("w.name LIKE :p", "p", prefix + "%")
                        .page(em, new PageQuery(0, 3, "name"), sortable, "name"));
        Page<Widget> last = QuarkusTransaction.requiringNew()
                .call(() -> ListQuery.of(Widget.class, "w")
                        .where("w.name LIKE :p", "p", prefix + "%")
                        .page(em, new PageQuery(2, 3, "-name"), sortable, "name"));
        assertEquals(List.of(prefix + "a", prefix + "b", prefix + "c"), names(first));
        assertEquals(List.of(prefix + "a"), names(last));
        assertEquals(7, first.totalItems());
        insert(prefix + "h");
        Page<Widget> again = QuarkusTransaction.requiringNew()
                .call(() -> ListQuery.of(Widget.class, "w")
                        .where("w.name LIKE :p", "p", prefix + "%")
                        .page(em, new PageQuery(0, 3, "-name"), sortable, "name"));
        assertEquals(8, again.totalItems(), "the count follows the write");
        assertEquals(List.of(prefix + "h", prefix + "g", prefix + "f"), names(again));
    }

    private static List<String> names(Page<Widget> page) {
        return page.items().stream().map(w -> w.name).toList();
    }
}
