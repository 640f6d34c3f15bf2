package de.kielregion.kooperation.portal.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Live status: every event the three services publish (their CloudEvents topics) becomes a
 * small change notice for the open pages. Each portal instance reads every event (its own
 * consumer group, from the newest); nothing is stored, so a missed notice costs a reload at
 * most, never data.
 */
@ApplicationScoped
public class LiveUpdates {

    /** What the browser learns: which kind of thing changed, and which one. No content. */
    public record Change(String type, String subject, String source) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();

    @Incoming("live")
    public void onEvent(ConsumerRecord<String, String> record) {
        changes.onNext(new Change(header(record, "ce_type"), record.key(), header(record, "ce_source")));
    }

    /** Changes from now on, with a comment-free keep-alive every 20 s so that proxies keep the stream open. */
    public Multi<Change> stream() {
        Multi<Change> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .map(t -> new Change("keep-alive", null, null));
        return Multi.createBy().merging().streams(changes, keepAlive);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
