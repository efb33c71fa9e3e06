package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's client example, line for line except the address; keep the two in step. */
@EmbeddedKafkaTest
class ReadmeExamplesTest {

  @Test
  void theReadmeClientExampleRunsAndEveryMessageArrives(EmbeddedKafka embedded) {
    List<PendingMessage> undelivered;
    try (Gregor kafka = Gregor.connect(embedded.bootstrapServers())) {
      // One message, acknowledged before the call returns (ruby-kafka deliver_message).
      kafka.deliverMessage("greetings", "Hello, World!");
      kafka.deliverMessage("greetings", "Hello, World!", Produce.partitionKey("hello"));

      // Buffered: produce only buffers; failed messages stay buffered for the next delivery.
      try (Producer producer = kafka.producer(p -> p.compression(Compression.LZ4))) {
        producer.produce("greetings", "hello1");
        producer.produce("greetings", "hello2", Produce.key("k").header("source", "readme"));
        producer.deliverMessages();
      }

      // Asynchronous and thread-safe: a background thread delivers every 100 messages.
      AsyncProducer async = kafka.asyncProducer(a -> a.deliveryThreshold(100));
      async.produce("greetings", "hello3");
      undelivered = async.shutdown(Duration.ofSeconds(10));

      // All or nothing for read_committed readers.
      try (TransactionalProducer tx = kafka.transactionalProducer("readme-tx")) {
        tx.inTransaction(t -> t.produce("greetings", "hello4", Produce.options()));
      }

      // Reading without a consumer group (KafkaEx fetch and offsets, ruby-kafka each_message).
      Fetch fetch = kafka.fetch("greetings", 0, Offset.EARLIEST);
      long end = kafka.latestOffset("greetings", 0);
      kafka.eachMessage("greetings", Consume.fromBeginning().exitAtEnd(), m -> System.out.println(m.valueAsString()));

      assertThat(fetch.messages()).isNotEmpty();
      assertThat(end).isGreaterThanOrEqualTo(6); // six messages plus the transaction's commit marker
    }

    assertThat(undelivered).isEmpty();
    Map<String, Object> readCommitted = new HashMap<>(embedded.clientConfig());
    readCommitted.put("isolation.level", "read_committed");
    assertThat(BufferedProducerTest.values(Records.readAll(readCommitted, "greetings", 6)))
        .containsExactlyInAnyOrder("Hello, World!", "Hello, World!", "hello1", "hello2", "hello3", "hello4");
  }
}
