package de.kielregion.kooperation.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kielregion.kooperation.platform.events.IncomingEvent;
import de.kielregion.kooperation.platform.events.MalformedEventException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One registration per event type: the types the inbox lets through, the record, the handler. */
class EventRoutesTest {

    record Named(String name, long version) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static IncomingEvent event(String type, String json) throws Exception {
        return new IncomingEvent("e-1", "/test", type, "s", "Thing", Instant.now(), MAPPER.readTree(json), "t", 0, 0L);
    }

    @Test
    void theTypesAreTheRegisteredOnesAndEachEventReachesItsHandlerAsItsRecord() throws Exception {
        List<String> seen = new ArrayList<>();
        EventRoutes routes = EventRoutes.builder(MAPPER)
                .on(
                        Set.of("a.created", "a.updated"),
                        Named.class,
                        n -> seen.add("named " + n.name() + " " + n.version()))
                .onEvent("a.retired", e -> seen.add("retired " + e.id()))
                .build();
        assertEquals(Set.of("a.created", "a.updated", "a.retired"), routes.types());
        routes.handle(event("a.updated", "{\"name\":\"Aarhus\",\"version\":3,\"unknown\":true}"));
        routes.handle(event("a.retired", "{}"));
        routes.handle(event("b.other", "{}"));
        assertEquals(List.of("named Aarhus 3", "retired e-1"), seen, "an unregistered type has no effect");
    }

    @Test
    void aTypeRegisteredTwiceOrNoneAtAllIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> EventRoutes.builder(MAPPER)
                        .on("a.created", Named.class, n -> {})
                        .onEvent("a.created", e -> {}));
        assertThrows(
                IllegalStateException.class, () -> EventRoutes.builder(MAPPER).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> EventRoutes.builder(MAPPER).onEvent(" ", e -> {}));
    }

    @Test
    void dataThatDoesNotFitTheRecordIsMalformed() {
        EventRoutes routes = EventRoutes.builder(MAPPER)
                .on("a.created", Named.class, n -> {})
                .build();
        assertThrows(MalformedEventException.class, () -> routes.handle(event("a.created", "{\"version\":\"drei\"}")));
    }
}
