package dev.gregor.framework;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message in progress for longer than the app's {@code stallTimeout}: where it is and which thread
 * runs it. {@link App#stalls()} lists the current ones; an app with none is healthy.
 */
public final class Stall {
  private final String topic;
  private final int partition;
  private final long offset;
  private final @Nullable String key;
  private final String thread;
  private final Duration running;

  /** A stall as the framework reports it; public for monitors and tests that build their own. */
  public Stall(String topic, int partition, long offset, @Nullable String key, String thread, Duration running) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.partition = partition;
    this.offset = offset;
    this.key = key;
    this.thread = Objects.requireNonNull(thread, "thread");
    this.running = Objects.requireNonNull(running, "running");
  }

  /** The Kafka topic of the message. */
  public String topic() {
    return topic;
  }

  /** Its partition. */
  public int partition() {
    return partition;
  }

  /** Its offset. */
  public long offset() {
    return offset;
  }

  /** Its key as UTF-8 text, or null. */
  public @Nullable String key() {
    return key;
  }

  /** The name of the thread running it. */
  public String thread() {
    return thread;
  }

  /** How long it had been running when last looked at. */
  public Duration running() {
    return running;
  }

  @Override
  public String toString() {
    return topic + "/" + partition + "@" + offset + (key == null ? "" : " key=" + key) + " on " + thread
        + " for " + running;
  }
}
