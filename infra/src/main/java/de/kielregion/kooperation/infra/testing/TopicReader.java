package de.kielregion.kooperation.infra.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning with a plain Kafka consumer (no consumer group), the way
 * an outside observer would: tests use it to check what really reached the broker.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            sleep(200);
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        }
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("Topic " + topic + " does not exist");
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
    }

    /**
     * Polls until {@code done} holds for all records read so far (from the beginning), or
     * {@code timeout} passes; returns every record read.
     */
    public List<ConsumerRecord<String, String>> readUntil(
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(records) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /**
     * The records of {@code topic} with {@code key}, read from the beginning until
     * {@code done} holds for them or {@code timeout} passes.
     */
    public static List<ConsumerRecord<String, String>> keyed(
            String bootstrapServers,
            String topic,
            String key,
            Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
            return reader
                    .readUntil(
                            rs -> done.test(
                                    rs.stream().filter(r -> key.equals(r.key())).toList()),
                            timeout)
                    .stream()
                    .filter(r -> key.equals(r.key()))
                    .toList();
        }
    }

    /** Reads until this reader has reached the end of every partition as of now; returns all records read. */
    public List<ConsumerRecord<String, String>> readToEnd(Duration timeout) {
        java.util.Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + ends + " within " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /** Every record read so far. */
    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
