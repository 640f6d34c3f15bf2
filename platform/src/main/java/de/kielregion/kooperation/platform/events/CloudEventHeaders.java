package de.kielregion.kooperation.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 in Kafka binary content mode: the attributes travel as {@code ce_*}
 * headers, the JSON data is the record value (CloudEvents Kafka protocol binding).
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

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}

    /** The headers of one event; {@code subject} is the aggregate id. */
    public static Headers of(
            String id, String source, String type, String subject, String aggregateType, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, SPEC_VERSION_1_0);
        add(headers, ID, id);
        add(headers, SOURCE, source);
        add(headers, TYPE, type);
        add(headers, SUBJECT, subject);
        add(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        add(headers, CONTENT_TYPE, JSON);
        add(headers, AGGREGATE_TYPE, aggregateType);
        return headers;
    }

    /** The last value of header {@code name}, or {@code null}. */
    public static String value(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
