package de.kielregion.kooperation.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
        String specVersion = CloudEventHeaders.value(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("not a CloudEvents 1.0 record in binary mode (ce_specversion is "
                    + (specVersion == null ? "missing" : "'" + specVersion + "'") + ")");
        }
        String id = required(headers, CloudEventHeaders.ID);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String type = required(headers, CloudEventHeaders.TYPE);
        String timeText = CloudEventHeaders.value(headers, CloudEventHeaders.TIME);
        Instant time;
        try {
            time = timeText == null ? null : Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + timeText);
        }
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event " + id + " data is not JSON: " + e.getOriginalMessage());
        }
        return new IncomingEvent(
                id,
                source,
                type,
                CloudEventHeaders.value(headers, CloudEventHeaders.SUBJECT),
                CloudEventHeaders.value(headers, CloudEventHeaders.AGGREGATE_TYPE),
                time,
                data,
                topic,
                partition,
                offset);
    }

    private static String required(Headers headers, String name) {
        String value = CloudEventHeaders.value(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("required CloudEvents header " + name + " is missing");
        }
        return value;
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
