package dev.gregor.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.SerializationFailed;
import dev.gregor.client.Serializer;
import java.util.Objects;

/**
 * JSON with Jackson, for the client's {@link Serializer} step. In its own module so that users
 * who do not want Jackson never have it on their class path.
 *
 * <pre>{@code
 * Serializer<Order> json = JsonSerializer.create();
 * producer.produce("orders", json.serialize("orders", order), Produce.key(order.id()));
 * }</pre>
 */
public final class JsonSerializer<T> implements Serializer<T> {
  private final ObjectMapper mapper;

  private JsonSerializer(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** With a plain {@link ObjectMapper}. */
  public static <T> JsonSerializer<T> create() {
    return new JsonSerializer<>(new ObjectMapper());
  }

  /** With the application's configured mapper (modules, naming strategy). */
  public static <T> JsonSerializer<T> with(ObjectMapper mapper) {
    return new JsonSerializer<>(Objects.requireNonNull(mapper, "mapper"));
  }

  /** The value as JSON, or a {@link SerializationFailed} naming the topic and the value's type. */
  @Override
  public byte[] serialize(String topic, T value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new SerializationFailed("Could not serialize a " + (value == null ? "null" : value.getClass().getName())
          + " as JSON for topic '" + topic + "': " + e.getOriginalMessage(), e);
    }
  }
}
