package dev.gregor.client;

/** Turns a value into the bytes of a message (ruby-kafka "Serialization": Gregor itself only moves bytes). */
@FunctionalInterface
public interface Serializer<T> {
  byte[] serialize(String topic, T value);
}
