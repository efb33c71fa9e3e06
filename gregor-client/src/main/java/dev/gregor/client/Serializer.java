package dev.gregor.client;

/** Turns a value into the bytes of a message (ruby-kafka "Serialization": Gregor itself only moves bytes). */
@FunctionalInterface
public interface Serializer<T> {
  /** The bytes of {@code value} for {@code topic}. */
  byte[] serialize(String topic, T value);
}
