package de.kielregion.kooperation.platform.inbox;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeping a replica of another service's aggregate: find it or make a new one, let it apply
 * the event (it checks the event's version itself and says whether anything changed), and
 * persist a new one only when it did. A stale event changes nothing, and makes nothing.
 */
public final class Replicas {

    private Replicas() {}

    /**
     * Applies {@code apply} to the replica of {@code id} (or to a new one from {@code create});
     * true when the replica changed (a stale event: false, and nothing persisted).
     */
    public static <E> boolean upsert(
            EntityManager em, Class<E> type, Object id, Supplier<E> create, Predicate<E> apply) {
        return upsert(em.find(type, id), create, apply, em::persist);
    }

    /**
     * The same rule for a replica looked up already ({@code found}, null when there is none, as a
     * run of replica events finds them, {@link EventRoutes#replicate}): a new one from {@code
     * create} is handed to {@code persist} only when {@code apply} changed it.
     */
    static <E> boolean upsert(E found, Supplier<E> create, Predicate<E> apply, Consumer<E> persist) {
        E replica = found == null ? create.get() : found;
        boolean changed = apply.test(replica);
        if (changed && found == null) {
            persist.accept(replica);
        }
        return changed;
    }
}
