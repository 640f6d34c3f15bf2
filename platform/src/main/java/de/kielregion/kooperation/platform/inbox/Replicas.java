package de.kielregion.kooperation.platform.inbox;

import jakarta.persistence.EntityManager;
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
        E replica = em.find(type, id);
        boolean created = replica == null;
        if (created) {
            replica = create.get();
        }
        boolean changed = apply.test(replica);
        if (changed && created) {
            em.persist(replica);
        }
        return changed;
    }
}
