package dev.gregor.embedded;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique topic names for one test, so tests sharing a broker never see each other's data. */
public final class TestTopics {
  private static final int MAX_TOPIC_NAME = 249;

  private final EmbeddedKafka kafka;
  private final String prefix;
  private final AtomicInteger counter;

  TestTopics(EmbeddedKafka kafka, String prefix, AtomicInteger counter) {
    this.kafka = kafka;
    this.prefix = prefix.replaceAll("[^A-Za-z0-9._-]", "_");
    this.counter = counter;
  }

  /** A topic name no other test in this JVM gets, such as {@code OrdersTest.roundTrip-7-3f2a}; not created. */
  public String next() {
    String suffix = "-" + counter.incrementAndGet() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
    String base = prefix.length() + suffix.length() > MAX_TOPIC_NAME
        ? prefix.substring(0, MAX_TOPIC_NAME - suffix.length()) : prefix;
    return base + suffix;
  }

  /** Creates a new unique topic with {@code partitions} partitions (replication 1) and returns its name. */
  public String create(int partitions) {
    return create(partitions, 1, Map.of());
  }

  /** Creates a new unique topic and returns its name, once every partition has a leader. */
  public String create(int partitions, int replicationFactor, Map<String, String> configs) {
    String name = next();
    kafka.createTopic(name, partitions, replicationFactor, configs);
    return name;
  }
}
