package dev.gregor.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A message on its way to Kafka: its topic, its value and how it is to be produced. */
public final class PendingMessage {
  private final String topic;
  private final byte @Nullable [] value;
  private final Produce options;

  /** A message of raw bytes for {@code topic}, with its options. */
  public PendingMessage(String topic, byte @Nullable [] value, Produce options) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.value = value;
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A UTF-8 message for {@code topic}, for batch calls such as {@link Gregor#deliverMessages(java.util.List)}. */
  public static PendingMessage of(String topic, @Nullable String value, Produce options) {
    return new PendingMessage(topic, value == null ? null : value.getBytes(java.nio.charset.StandardCharsets.UTF_8), options);
  }

  /** The topic the message is for. */
  public String topic() {
    return topic;
  }

  /** The value bytes, or null for a tombstone. */
  public byte @Nullable [] value() {
    return value;
  }

  /** The key, partition, headers and timestamp given when it was produced. */
  public Produce options() {
    return options;
  }

  /** The serialized size of key and value, as counted against buffer limits. */
  public int bytesize() {
    return (value == null ? 0 : value.length) + (options.key() == null ? 0 : options.key().length);
  }

  @Override
  public String toString() {
    return "PendingMessage{topic=" + topic + ", " + bytesize() + " bytes, " + options + "}";
  }
}
