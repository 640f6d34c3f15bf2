package de.kielregion.kooperation.portal.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Live status: every event the three services publish (their CloudEvents topics) becomes a
 * small change notice for the open pages. Each portal instance reads every event (its own
 * consumer group, from the newest); nothing is stored, so a missed notice costs a reload at
 * most, never data.
 */
@ApplicationScoped
public class LiveUpdates {

    /** What the browser learns: which kind of thing changed, and which one. No content. */
    public record Change(String type, String subject, String source) {}

    private record Stamped(long at, Change change) {}

    /** How long and how many recent changes are kept for pages that connect a moment after they were rendered. */
    public static final long REPLAY_MILLIS = 120_000;

    static final int REPLAY_MAX = 2_000;

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final java.util.concurrent.ConcurrentLinkedDeque<Stamped> recent =
            new java.util.concurrent.ConcurrentLinkedDeque<>();

    @Incoming("live")
    public void onEvent(ConsumerRecord<String, String> record) {
        publish(new Change(header(record, "ce_type"), record.key(), header(record, "ce_source")));
    }

    void publish(Change change) {
        long now = System.currentTimeMillis();
        recent.addLast(new Stamped(now, change));
        while (recent.size() > REPLAY_MAX
                || (!recent.isEmpty() && recent.peekFirst().at() < now - REPLAY_MILLIS)) {
            recent.pollFirst();
        }
        changes.onNext(change);
    }

    /**
     * The changes since {@code since} (epoch millis: when the page was rendered; the last two
     * minutes at most), then every change from now on, with a keep-alive every 20 s so that
     * proxies keep the stream open. A change may come twice; the page only refreshes.
     */
    public Multi<Change> stream(long since) {
        Multi<Change> keepAlive =
                Multi.createFrom().ticks().every(Duration.ofSeconds(20)).map(t -> new Change("keep-alive", null, null));
        java.util.List<Change> missed = recent.stream()
                .filter(s -> s.at() >= since)
                .map(Stamped::change)
                .toList();
        return Multi.createBy()
                .merging()
                .streams(changes, keepAlive, Multi.createFrom().iterable(missed));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
