package de.kielregion.kooperation.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * A CloudEvent read from Kafka: its attributes and its JSON data. Consumers are tolerant
 * readers: unknown fields in {@link #data()} and unknown extension headers are ignored.
 */
public record IncomingEvent(
        String id,
        String source,
        String type,
        String subject,
        String aggregateType,
        Instant time,
        JsonNode data,
        String topic,
        int partition,
        long offset) {

    /**
     * Reads an event from a record's headers and value.
     *
     * @throws MalformedEventException when a required attribute is missing or the data is no JSON
     */
    public static IncomingEvent parse(
            Headers headers, String value, String topic, int partition, long offset, ObjectMapper mapper) {
        CloudEvent event =
                CloudEventHeaders.read(headers, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        if (!SpecVersion.V1.equals(event.getSpecVersion())) {
            throw new MalformedEventException(
                    "not a CloudEvents 1.0 record (spec version " + event.getSpecVersion() + ")");
        }
        String id = event.getId();
        if (id == null || id.isBlank()) {
            // An empty id would make every later empty-id event of the source a "duplicate".
            throw new MalformedEventException("the CloudEvent has an empty id");
        }
        if (event.getData() == null || value.isBlank()) {
            throw new MalformedEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = mapper.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new MalformedEventException("event " + id + " data is not JSON: " + e.getMessage());
        }
        Object aggregateType = event.getExtension(CloudEventHeaders.AGGREGATE_TYPE_EXTENSION);
        return new IncomingEvent(
                id,
                event.getSource().toString(),
                event.getType(),
                event.getSubject(),
                aggregateType == null ? null : aggregateType.toString(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                data,
                topic,
                partition,
                offset);
    }

    /**
     * Reads {@code data} as {@code type} (a record of the contracts module) as a tolerant reader:
     * fields it does not know are ignored, fields it misses are null, an enum value it does not
     * know (from a newer producer) is null.
     */
    public <T> T dataAs(Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.readerFor(type)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                    .treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(
                    "event " + id + " data does not fit " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
