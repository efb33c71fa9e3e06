package dev.gregor.metrics;

import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;

/** A produce/consume round trip: two messages delivered by a buffered producer, read back by a group member. */
final class RoundTrip {
  private RoundTrip() {}

  static void run(Gregor kafka, String topic) {
    try (Producer producer = kafka.producer()) {
      producer.produce(topic, "v0", Produce.key("k0"));
      producer.produce(topic, "v1", Produce.key("k1"));
      producer.deliverMessages();
    }
    GroupConsumer consumer = kafka.consumer(topic + "-group", c -> c.offsetCommitThreshold(1));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      if (message.offset() == 1) {
        consumer.stop();
      }
    });
  }
}
