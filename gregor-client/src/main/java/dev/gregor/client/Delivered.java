package dev.gregor.client;

import java.time.Instant;

/**
 * Where Kafka stored a delivered message.
 *
 * @param timestamp the message's timestamp as the broker recorded it
 */
public record Delivered(String topic, int partition, long offset, Instant timestamp) {}
