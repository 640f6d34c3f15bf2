package de.kielregion.kooperation.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * A consumer's event types, each registered once with the contract record its data is read
 * as and the handler that applies it: the types the inbox lets through are exactly the
 * registered ones (others are acknowledged without a transaction), so a list of types and a
 * switch cannot drift apart. Built once, in the consumer's constructor.
 *
 * <p>An event that only keeps a replica ({@link Builder#replica}) may be applied together with
 * the replica events next to it in a poll's batch: {@link #replicate} loads their replicas with
 * one query and lets the inbox write them with one flush (the statements batched), instead of a
 * lookup and a flush per event.
 */
public final class EventRoutes implements EventHandler {

    private final Map<String, EventHandler> routes;

    private EventRoutes(Map<String, EventHandler> routes) {
        this.routes = Map.copyOf(routes);
    }

    /** Whether {@code event} only keeps a replica, so that it may be applied in a run with others ({@link #replicate}). */
    public boolean replicates(IncomingEvent event) {
        return routes.get(event.type()) instanceof ReplicaRoute<?, ?, ?>;
    }

    /**
     * Applies a run of replica events ({@link #replicates} holds for each) in their order, each
     * through {@code each} (which runs the effect it is given, e.g. within the event's span): their
     * replicas are first loaded with one query per kind, and an event whose replica is neither
     * loaded nor made earlier in the run makes a new one without asking the database again. Leaves
     * the changes in the session for the caller to flush once.
     */
    public void replicate(List<IncomingEvent> run, BiConsumer<IncomingEvent, Runnable> each) {
        Map<IncomingEvent, Object> payloads = new IdentityHashMap<>();
        Map<ReplicaRoute<?, ?, ?>, Set<Object>> ids = new IdentityHashMap<>();
        for (IncomingEvent event : run) {
            ReplicaRoute<?, ?, ?> route = (ReplicaRoute<?, ?, ?>) routes.get(event.type());
            Object payload = route.read(event);
            payloads.put(event, payload);
            ids.computeIfAbsent(route, r -> new LinkedHashSet<>()).add(route.idOf(payload));
        }
        // The same entity may be kept by several routes (registered and updated): one map per entity.
        Map<Class<?>, Map<Object, Object>> known = new HashMap<>();
        for (Map.Entry<ReplicaRoute<?, ?, ?>, Set<Object>> kind : ids.entrySet()) {
            known.computeIfAbsent(kind.getKey().entity, e -> new HashMap<>())
                    .putAll(kind.getKey().load(kind.getValue()));
        }
        for (IncomingEvent event : run) {
            ReplicaRoute<?, ?, ?> route = (ReplicaRoute<?, ?, ?>) routes.get(event.type());
            each.accept(event, () -> route.keep(payloads.get(event), known.get(route.entity)));
        }
    }

    /** Routes whose payloads are read with the consumer's {@code mapper} (the tolerant reader). */
    public static Builder builder(ObjectMapper mapper) {
        return new Builder(mapper);
    }

    /** The registered event types. */
    public Set<String> types() {
        return routes.keySet();
    }

    /** Applies the event with the handler of its type; a type registered nowhere has no effect. */
    @Override
    public void handle(IncomingEvent event) {
        EventHandler route = routes.get(event.type());
        if (route != null) {
            route.handle(event);
        }
    }

    public static final class Builder {

        private final ObjectMapper mapper;
        private final Map<String, EventHandler> routes = new LinkedHashMap<>();

        private Builder(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        /** Events of {@code type}, their data read as {@code payload}, applied by {@code handler}. */
        public <T> Builder on(String type, Class<T> payload, Consumer<T> handler) {
            return onEvent(type, event -> handler.accept(event.dataAs(payload, mapper)));
        }

        /** Events of each of {@code types} alike (e.g. registered and updated: the whole state). */
        public <T> Builder on(Set<String> types, Class<T> payload, Consumer<T> handler) {
            for (String type : types) {
                on(type, payload, handler);
            }
            return this;
        }

        /**
         * Events of each of {@code types} whose only effect is to keep the replica of {@code entity}
         * whose id the payload names: as {@link Replicas#upsert} does (found or made by {@code
         * create}, {@code apply} checks the event's version and says whether it changed anything,
         * a new replica is persisted only then), but applicable in a run with the replica events
         * next to it ({@link EventRoutes#replicate}).
         */
        public <T, K, E> Builder replica(
                EntityManager em,
                Set<String> types,
                Class<T> payload,
                Class<E> entity,
                Function<T, K> id,
                Function<K, E> create,
                BiPredicate<E, T> apply) {
            ReplicaRoute<T, K, E> route = new ReplicaRoute<>(em, mapper, payload, entity, id, create, apply);
            for (String type : types) {
                onEvent(type, route);
            }
            return this;
        }

        /** {@link #replica(EntityManager, Set, Class, Class, Function, Function, BiPredicate)} for one type. */
        public <T, K, E> Builder replica(
                EntityManager em,
                String type,
                Class<T> payload,
                Class<E> entity,
                Function<T, K> id,
                Function<K, E> create,
                BiPredicate<E, T> apply) {
            return replica(em, Set.of(type), payload, entity, id, create, apply);
        }

        /** Events of {@code type} handed over whole (when the handler needs the envelope: id, source). */
        public Builder onEvent(String type, EventHandler handler) {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("an event type is required");
            }
            if (routes.putIfAbsent(type, handler) != null) {
                throw new IllegalStateException(type + " is registered twice");
            }
            return this;
        }

        public EventRoutes build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("no event type registered");
            }
            return new EventRoutes(routes);
        }
    }

    /** A route whose events keep a replica of {@code entity} (see {@link Builder#replica}). */
    private static final class ReplicaRoute<T, K, E> implements EventHandler {

        private final EntityManager em;
        private final ObjectMapper mapper;
        private final Class<T> payload;
        private final Class<E> entity;
        private final Function<T, K> id;
        private final Function<K, E> create;
        private final BiPredicate<E, T> apply;

        ReplicaRoute(
                EntityManager em,
                ObjectMapper mapper,
                Class<T> payload,
                Class<E> entity,
                Function<T, K> id,
                Function<K, E> create,
                BiPredicate<E, T> apply) {
            this.em = Objects.requireNonNull(em, "the consumer's EntityManager");
            this.mapper = mapper;
            this.payload = payload;
            this.entity = entity;
            this.id = id;
            this.create = create;
            this.apply = apply;
        }

        /** One event on its own: found or made, as {@link Replicas#upsert}. */
        @Override
        public void handle(IncomingEvent event) {
            T data = read(event);
            K key = idOf(data);
            Replicas.upsert(em, entity, key, () -> create.apply(key), e -> apply.test(e, data));
        }

        T read(IncomingEvent event) {
            return event.dataAs(payload, mapper);
        }

        @SuppressWarnings("unchecked")
        K idOf(Object data) {
            K key = id.apply((T) data);
            if (key == null) {
                throw new MalformedEventException(
                        payload.getSimpleName() + " without the id of its " + entity.getSimpleName());
            }
            return key;
        }

        /** The replicas of {@code ids} the database has, by id (one query). */
        Map<Object, Object> load(Set<Object> ids) {
            // The maps of a run are keyed by the payload's ids: of another type than the entity's
            // (a String for a UUID), none would be found and each replica made twice.
            Class<?> idType = em.getMetamodel().entity(entity).getIdType().getJavaType();
            for (Object id : ids) {
                if (!idType.isInstance(id)) {
                    throw new IllegalStateException(payload.getSimpleName() + " names the " + entity.getSimpleName()
                            + " by a " + id.getClass().getSimpleName() + ", its id is a " + idType.getSimpleName());
                }
            }
            List<Object> asked = new ArrayList<>(ids);
            // In the order asked, null where the database has none (Hibernate's ordered return).
            List<E> loaded = em.unwrap(Session.class)
                    .byMultipleIds(entity)
                    .enableOrderedReturn(true)
                    .multiLoad(asked);
            Map<Object, Object> found = new HashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                if (loaded.get(i) != null) {
                    found.put(asked.get(i), loaded.get(i));
                }
            }
            return found;
        }

        /** Applies {@code data} to its replica in {@code known} (or a new one, then known); persists a new one that changed. */
        @SuppressWarnings("unchecked")
        void keep(Object data, Map<Object, Object> known) {
            T event = (T) data;
            K key = idOf(event);
            Replicas.upsert((E) known.get(key), () -> create.apply(key), e -> apply.test(e, event), e -> {
                em.persist(e);
                known.put(key, e);
            });
        }
    }
}
