package dev.gregor.client;

import java.util.List;

/**
 * What one fetch returned (KafkaEx {@code fetch}, ruby-kafka {@code fetch_messages}).
 *
 * @param nextOffset the offset to fetch from next time
 * @param highWatermark the partition's end as the broker saw it: the offset after the last committed message
 */
public record Fetch(String topic, int partition, List<Message> messages, long nextOffset, long highWatermark) {}
