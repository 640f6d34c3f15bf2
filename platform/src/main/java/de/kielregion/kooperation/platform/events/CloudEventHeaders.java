package de.kielregion.kooperation.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.CloudEventUtils;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.rw.CloudEventWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 in Kafka binary content mode, written and read by the CloudEvents Java SDK's
 * Kafka binding: the attributes travel as {@code ce_*} headers, the JSON data is the record value.
 * The header names and values are those the services exchanged before the SDK (the contract
 * tests check them), including {@code ce_time} in the form {@link DateTimeFormatter#ISO_INSTANT}
 * writes (the SDK would drop trailing zeros of the fraction).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension attribute: the aggregate type of the outbox row, so consumers can route cheaply. */
    public static final String AGGREGATE_TYPE = "ce_aggregatetype";

    /** The extension's name as a CloudEvents attribute (without the binding's prefix). */
    public static final String AGGREGATE_TYPE_EXTENSION = "aggregatetype";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}

    /** One event of the services: {@code subject} is the aggregate id, {@code data} its JSON (may be null). */
    public static CloudEvent event(
            String id, String source, String type, String subject, String aggregateType, Instant time, byte[] data) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .withExtension(AGGREGATE_TYPE_EXTENSION, aggregateType);
        return data == null
                ? builder.withDataContentType(JSON).build()
                : builder.withData(JSON, data).build();
    }

    /** The Kafka record of {@code event} in binary content mode, keyed by {@code key}. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, CloudEvent event) {
        var writer = KafkaMessageFactory.<String>createWriter(topic, key);
        return CloudEventUtils.toReader(event).read(version -> new InstantTime<>(writer.create(version)));
    }

    /** The headers of one event; {@code subject} is the aggregate id. */
    public static Headers of(
            String id, String source, String type, String subject, String aggregateType, Instant time) {
        return record("headers", subject, event(id, source, type, subject, aggregateType, time, null))
                .headers();
    }

    /**
     * Reads a record's headers and value as a CloudEvent (binary or structured mode).
     *
     * @throws MalformedEventException when it is no CloudEvent or misses a required attribute
     */
    public static CloudEvent read(Headers headers, byte[] value) {
        if (headers == null || headers.lastHeader(SPEC_VERSION) == null && headers.lastHeader(CONTENT_TYPE) == null) {
            throw new MalformedEventException(
                    "not a CloudEvents 1.0 record in binary mode (ce_specversion is missing)");
        }
        try {
            return KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedEventException("not a valid CloudEvent: " + e.getMessage());
        }
    }

    /** The last value of header {@code name}, or {@code null}. */
    public static String value(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Passes everything on to the binding's writer, the time as {@link DateTimeFormatter#ISO_INSTANT} writes it. */
    private record InstantTime<R>(CloudEventWriter<R> delegate) implements CloudEventWriter<R> {

        @Override
        public CloudEventWriter<R> withContextAttribute(String name, String value) throws CloudEventRWException {
            delegate.withContextAttribute(name, value);
            return this;
        }

        @Override
        public CloudEventWriter<R> withContextAttribute(String name, OffsetDateTime value)
                throws CloudEventRWException {
            delegate.withContextAttribute(name, DateTimeFormatter.ISO_INSTANT.format(value));
            return this;
        }

        @Override
        public R end(CloudEventData data) throws CloudEventRWException {
            return delegate.end(data);
        }

        @Override
        public R end() throws CloudEventRWException {
            return delegate.end();
        }
    }
}
