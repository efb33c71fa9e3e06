package dev.gregor.client;

import java.util.List;

/**
 * A handler that threw: what it was given, where, and how often it has failed there in a row.
 *
 * @param messages the message ({@code eachMessage}) or the batch ({@code eachBatch}) that failed
 * @param attempt 1 on the first failure at this offset, 2 on the first retry's failure, and so on
 */
public record HandlerFailure(String topic, int partition, long offset, List<Message> messages, int attempt,
    Throwable error) {}
