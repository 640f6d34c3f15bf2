package de.kielregion.kooperation.platform.cache;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Answers that are expensive to compute and read far more often than the data changes (the
 * strategy overview): kept until the database has changed. Validity is PostgreSQL's own
 * account of writes: the transaction snapshot ({@code pg_current_snapshot()}: the oldest running
 * transaction, the next transaction id, the running ones). While it reads the same as before the
 * last computation, no transaction that could write has begun or ended since, so the stored
 * answer is what a new computation would give. Any write anywhere in the database server makes
 * it differ (more recomputing than needed, never a stale answer); the snapshot is taken before
 * computing, so a write during the computation makes the next request compute again. Each
 * replica keeps its own; nothing to invalidate by hand, no event needed.
 */
@ApplicationScoped
@Unremovable // ListQuery finds it through CDI.current()
public class SnapshotCache {

    private static final int MAX_ENTRIES = 256;

    private record Stored(String snapshot, Object value) {}

    private final EntityManager em;
    private final Map<String, Stored> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** How long a request waits for another's computation of the same answer before computing it itself. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The answers being computed, by snapshot and key. */
    private final ConcurrentHashMap<String, CompletableFuture<Object>> computing = new ConcurrentHashMap<>();

    SnapshotCache(EntityManager em) {
        this.em = em;
    }

    /**
     * A key made of {@code parts} that no other parts give: each is written with its length
     * ({@code null} as "-"), so a search text such as {@code "x, country=DE"} or {@code "null"}
     * can never read as other parameters (a record's toString would).
     */
    public static String key(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            if (part == null) {
                key.append("-;");
            } else {
                String text = String.valueOf(part);
                key.append(text.length()).append(':').append(text).append(';');
            }
        }
        return key.toString();
    }

    /**
     * The answer for {@code key}: the stored one while the database is unchanged, else {@code
     * compute}'s. Inside a transaction that has written, neither read nor stored (its own
     * uncommitted changes are in its answers, and it may still roll back).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        Object[] state = (Object[])
                em.createNativeQuery("SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned()::text")
                        .getSingleResult();
        if (state[1] != null) {
            return compute.get();
        }
        String snapshot = (String) state[0];
        Stored stored;
        synchronized (entries) {
            stored = entries.get(key);
        }
        if (stored != null && stored.snapshot().equals(snapshot)) {
            return (T) stored.value();
        }
        // One computation per answer: the requests that ask for it meanwhile (eight at once for a
        // strategy overview of a second, after a write) wait for it instead of each computing it.
        String flight = snapshot + '\n' + key;
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = computing.putIfAbsent(flight, mine);
        if (running != null) {
            try {
                return (T) running.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException failedOrSlow) {
                // Its failure was its own, or it is stuck (each waiter holds a connection): this
                // request computes for itself.
                return compute.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + key, e);
            }
        }
        try {
            T value = compute.get();
            synchronized (entries) {
                entries.put(key, new Stored(snapshot, value));
            }
            mine.complete(value);
            return value;
        } catch (Throwable e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(flight, mine);
        }
    }
}
