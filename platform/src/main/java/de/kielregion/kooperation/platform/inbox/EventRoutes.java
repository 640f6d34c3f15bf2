package de.kielregion.kooperation.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A consumer's event types, each registered once with the contract record its data is read
 * as and the handler that applies it: the types the inbox lets through are exactly the
 * registered ones (others are acknowledged without a transaction), so a list of types and a
 * switch cannot drift apart. Built once, in the consumer's constructor.
 */
public final class EventRoutes implements EventHandler {

    private final Map<String, EventHandler> routes;

    private EventRoutes(Map<String, EventHandler> routes) {
        this.routes = Map.copyOf(routes);
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
}
