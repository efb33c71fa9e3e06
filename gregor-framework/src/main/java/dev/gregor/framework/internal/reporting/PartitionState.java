package dev.gregor.framework.internal.reporting;

/**
 * One assigned partition as a process's report shows it. {@code topic} is Kafka's name; {@code paused}: by a pause
 * command; {@code committed}: the offset after the last message this process finished and marked (committed at the
 * next commit), or where it started reading, -1 when not known yet; {@code lag}: messages from there to the
 * partition's end as the consumer last saw it, -1 when not known.
 */
public record PartitionState(String group, String topic, int partition, boolean paused, long committed, long lag) {}
