package de.kielregion.kooperation.platform.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK's Kafka binding writes the headers and the value the hand-written envelope wrote before it. */
class CloudEventHeadersTest {

    private static final String DATA = "{\"id\": \"p-1\", \"title\": \"Korridor Hamburg–Oslo\"}";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-07T07:30:12Z",
                "2026-12-07T07:30:12.100Z",
                "2026-12-07T07:30:12.123400Z",
                "2026-12-07T07:30:12.000001Z"
            })
    void theRecordIsTheOneTheServicesExchangedBeforeTheSdk(String time) {
        Instant at = Instant.parse(time);
        ProducerRecord<String, byte[]> record = CloudEventHeaders.record(
                "cooperation.projects.v1",
                "p-1",
                CloudEventHeaders.event(
                        "0b8f6d1e-6f1d-4d43-9f3a-2d5c2f1f7a10",
                        "/ostsee-kooperation/projects-service",
                        "cooperation.project.proposed.v1",
                        "p-1",
                        "Project",
                        at,
                        DATA.getBytes(StandardCharsets.UTF_8)));

        Map<String, String> before = new LinkedHashMap<>();
        before.put("ce_specversion", "1.0");
        before.put("ce_id", "0b8f6d1e-6f1d-4d43-9f3a-2d5c2f1f7a10");
        before.put("ce_source", "/ostsee-kooperation/projects-service");
        before.put("ce_type", "cooperation.project.proposed.v1");
        before.put("ce_subject", "p-1");
        before.put("ce_time", time);
        before.put("content-type", "application/json");
        before.put("ce_aggregatetype", "Project");
        assertEquals(before, asMap(record.headers()));
        assertEquals(before.size(), record.headers().toArray().length, "each header once");
        assertEquals("cooperation.projects.v1", record.topic());
        assertEquals("p-1", record.key());
        assertArrayEquals(DATA.getBytes(StandardCharsets.UTF_8), record.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T07:30:12Z", "2026-12-07T07:30:12.123400Z"})
    void whatIsWrittenIsReadBack(String time) {
        Headers headers = CloudEventHeaders.of(
                "e-1",
                "/ostsee-kooperation/partners-service",
                "cooperation.partner.registered.v1",
                "k-1",
                "Partner",
                Instant.parse(time));
        IncomingEvent event = IncomingEvent.parse(headers, DATA, "t", 0, 7, new ObjectMapper());
        assertEquals("e-1", event.id());
        assertEquals("/ostsee-kooperation/partners-service", event.source());
        assertEquals("cooperation.partner.registered.v1", event.type());
        assertEquals("k-1", event.subject());
        assertEquals("Partner", event.aggregateType());
        assertEquals(Instant.parse(time), event.time());
        assertEquals("Korridor Hamburg–Oslo", event.data().get("title").asText());
    }

    @org.junit.jupiter.api.Test
    void aRecordWithoutTheAttributesIsMalformed() {
        ObjectMapper mapper = new ObjectMapper();
        assertThrows(
                MalformedEventException.class, () -> IncomingEvent.parse(new RecordHeaders(), DATA, "t", 0, 1, mapper));
        RecordHeaders noId = new RecordHeaders();
        noId.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        noId.add("ce_source", "/x".getBytes(StandardCharsets.UTF_8));
        noId.add("ce_type", "t".getBytes(StandardCharsets.UTF_8));
        assertThrows(MalformedEventException.class, () -> IncomingEvent.parse(noId, DATA, "t", 0, 1, mapper));
        Headers valid = CloudEventHeaders.of("e-2", "/x", "t", "k", "A", Instant.now());
        assertThrows(MalformedEventException.class, () -> IncomingEvent.parse(valid, "not json", "t", 0, 1, mapper));
        assertThrows(MalformedEventException.class, () -> IncomingEvent.parse(valid, "", "t", 0, 1, mapper));
    }

    private static Map<String, String> asMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
