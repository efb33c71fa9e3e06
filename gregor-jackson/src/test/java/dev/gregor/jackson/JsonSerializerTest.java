package dev.gregor.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.client.Gregor;
import dev.gregor.client.Offset;
import dev.gregor.client.Produce;
import dev.gregor.client.SerializationFailed;
import dev.gregor.client.Serializer;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import org.junit.jupiter.api.Test;

// ruby-kafka: "Serialization" — Gregor moves bytes; JSON is one pluggable serializer.
@EmbeddedKafkaTest
class JsonSerializerTest {
  record Order(String id, int amount) {}

  /** Jackson finds nothing to write in a class without properties. */
  static final class Opaque {}

  @Test
  void jsonSerializedValueIsReadBackAsTheSameObject(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    Serializer<Order> json = JsonSerializer.create();

    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessage(topic, json.serialize(topic, new Order("o-1", 42)), Produce.key("o-1"));
    }

    byte[] stored;
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      stored = gregor.fetch(topic, 0, Offset.EARLIEST).messages().get(0).value();
    }
    assertThat(new ObjectMapper().readValue(stored, Order.class)).isEqualTo(new Order("o-1", 42));
  }

  @Test
  void valueThatCannotBeSerializedNamesTheTopicAndType() {
    Serializer<Object> json = JsonSerializer.create();

    assertThatThrownBy(() -> json.serialize("orders", new Opaque()))
        .isInstanceOf(SerializationFailed.class)
        .hasMessageContaining("topic 'orders'")
        .hasMessageContaining(Opaque.class.getName());
  }
}
