package dev.gregor.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message read from Kafka: where it was stored, its key, value, headers and timestamp.
 *
 * @param key the key bytes, or null
 * @param value the value bytes, or null for a tombstone
 * @param headers the headers in the order they were written (names may repeat)
 */
public record Message(String topic, int partition, long offset, Instant timestamp, byte @Nullable [] key, byte @Nullable [] value,
    List<Header> headers) implements Event {

  /** One message header. */
  public record Header(String name, byte @Nullable [] value) {}

  /** The value as UTF-8 text, or null. */
  public @Nullable String valueAsString() {
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  /** The key as UTF-8 text, or null. */
  public @Nullable String keyAsString() {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  /** The last header named {@code name} as UTF-8 text, or null. */
  public @Nullable String header(String name) {
    for (int i = headers.size() - 1; i >= 0; i--) {
      if (headers.get(i).name().equals(name)) {
        byte[] bytes = headers.get(i).value();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Message{" + topic + "/" + partition + "@" + offset + ", " + (value == null ? "null" : value.length + " bytes") + "}";
  }
}
