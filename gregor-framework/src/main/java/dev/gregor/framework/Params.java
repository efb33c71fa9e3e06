package dev.gregor.framework;

import dev.gregor.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message as a controller sees it (seed: {@code params}): the parsed value, the raw bytes,
 * where it came from, and attributes that {@code beforeEnqueue} callbacks may add.
 */
public final class Params {
  private final String topic;
  private final Message message;
  private final Parser parser;
  private final @Nullable Object value;
  private final @Nullable Exception parseError;
  // Most messages never get an attribute, so the map is made on the first put.
  private @Nullable Map<String, Object> attributes;

  private Params(String topic, Message message, Parser parser, @Nullable Object value, @Nullable Exception parseError,
      Map<String, Object> attributes) {
    this.topic = topic;
    this.message = message;
    this.parser = parser;
    this.value = value;
    this.parseError = parseError;
    this.attributes = attributes.isEmpty() ? null : new LinkedHashMap<>(attributes);
  }

  /**
   * Parses {@code message} with {@code parser} for the route of {@code topic}; a parse failure is kept in
   * {@link #parseError()}, never thrown. Also how a controller's unit test builds its params.
   */
  public static Params parse(String topic, Message message, Parser parser) {
    return parse(topic, message, parser, Map.of());
  }

  /** {@link #parse(String, Message, Parser)} with attributes that callbacks added before (a job's). */
  public static Params parse(String topic, Message message, Parser parser, Map<String, Object> attributes) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(parser, "parser");
    byte[] raw = message.value();
    if (raw == null) {
      return new Params(topic, message, parser, null, null, attributes);
    }
    try {
      return new Params(topic, message, parser, parser.parse(raw), null, attributes);
    } catch (Exception e) {
      return new Params(topic, message, parser, null, e, attributes);
    }
  }

  /** The parsed value; null for a tombstone or when parsing failed (see {@link #parseError()}). */
  public @Nullable Object value() {
    return value;
  }

  /** The parsed value as {@code type} (the JSON parser maps objects onto records and classes); null as {@link #value()}. */
  public <T> @Nullable T value(Class<T> type) {
    return parser.convert(value, type);
  }

  /** The message's bytes as they came; null for a tombstone. */
  public byte @Nullable [] raw() {
    return message.value();
  }

  /** The message's bytes as UTF-8 text; null for a tombstone. */
  public @Nullable String rawString() {
    byte[] raw = message.value();
    return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
  }

  /** Why the parser refused the message, or null when it parsed. */
  public @Nullable Exception parseError() {
    return parseError;
  }

  /** The route's topic: Kafka's name after the app's {@link TopicMapper#incoming}. */
  public String topic() {
    return topic;
  }

  /** The partition the message came from. */
  public int partition() {
    return message.partition();
  }

  /** The message's offset in its partition. */
  public long offset() {
    return message.offset();
  }

  /** The key as UTF-8 text, or null. */
  public @Nullable String key() {
    return message.keyAsString();
  }

  /** The message's headers, in order. */
  public List<Message.Header> headers() {
    return message.headers();
  }

  /** The last header named {@code name} as UTF-8 text, or null. */
  public @Nullable String header(String name) {
    return message.header(name);
  }

  /** The message's timestamp. */
  public Instant timestamp() {
    return message.timestamp();
  }

  /** The client's message, with Kafka's own topic name. */
  public Message message() {
    return message;
  }

  /** Adds an attribute (the seed's {@code params.merge!}); returns this. */
  public Params put(String name, Object attribute) {
    if (attributes == null) {
      attributes = new LinkedHashMap<>();
    }
    attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(attribute, "attribute"));
    return this;
  }

  /** The attribute named {@code name}, or null. */
  public @Nullable Object get(String name) {
    return attributes == null ? null : attributes.get(name);
  }

  /** Every attribute added so far, in order. */
  public Map<String, Object> attributes() {
    return attributes == null ? Map.of() : Collections.unmodifiableMap(attributes);
  }

  @Override
  public String toString() {
    return "Params{" + topic + "/" + message.partition() + "@" + message.offset()
        + (parseError == null ? "" : ", parseError=" + parseError) + (attributes == null ? "" : ", " + attributes) + "}";
  }
}
