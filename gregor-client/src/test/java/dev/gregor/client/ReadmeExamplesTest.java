package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import dev.gregor.embedded.TestTopics;
import org.junit.jupiter.api.Test;

/**
 * The README's client examples, line for line except the address and the topic, which is
 * {@code greetings} in the README and a fresh topic per test here; keep them in step. The
 * consumer example reads what the producer example wrote, as in the README, so its test runs the
 * producer example first on its own topic: neither test depends on the other or on their order.
 */
@EmbeddedKafkaTest
class ReadmeExamplesTest {

  @Test
  void theReadmeClientExampleRunsAndEveryMessageArrives(EmbeddedKafka embedded, TestTopics topics) {
    String greetings = topics.create(1);
    List<PendingMessage> undelivered = theReadmeClientExample(embedded, greetings);

    assertThat(undelivered).isEmpty();
    Map<String, Object> readCommitted = new HashMap<>(embedded.clientConfig());
    readCommitted.put("isolation.level", "read_committed");
    assertThat(BufferedProducerTest.values(Records.readAll(readCommitted, greetings, 6)))
        .containsExactlyInAnyOrder("Hello, World!", "Hello, World!", "hello1", "hello2", "hello3", "hello4");
  }

  private static List<PendingMessage> theReadmeClientExample(EmbeddedKafka embedded, String greetings) {
    List<PendingMessage> undelivered;
    try (Gregor kafka = Gregor.connect(embedded.bootstrapServers())) {
      // One message, acknowledged before the call returns (ruby-kafka deliver_message).
      kafka.deliverMessage(greetings, "Hello, World!");
      kafka.deliverMessage(greetings, "Hello, World!", Produce.partitionKey("hello"));

      // Buffered: produce only buffers; failed messages stay buffered for the next delivery.
      try (Producer producer = kafka.producer(p -> p.compression(Compression.LZ4))) {
        producer.produce(greetings, "hello1");
        producer.produce(greetings, "hello2", Produce.key("k").header("source", "readme"));
        producer.deliverMessages();
      }

      // Asynchronous and thread-safe: a background thread delivers every 100 messages.
      AsyncProducer async = kafka.asyncProducer(a -> a.deliveryThreshold(100));
      async.produce(greetings, "hello3");
      undelivered = async.shutdown(Duration.ofSeconds(10));

      // All or nothing for read_committed readers.
      try (TransactionalProducer tx = kafka.transactionalProducer("readme-tx-" + greetings)) {
        tx.inTransaction(t -> t.produce(greetings, "hello4", Produce.options()));
      }

      // Reading without a consumer group (KafkaEx fetch and offsets, ruby-kafka each_message).
      Fetch fetch = kafka.fetch(greetings, 0, Offset.EARLIEST);
      long end = kafka.latestOffset(greetings, 0);
      kafka.eachMessage(greetings, Consume.fromBeginning().exitAtEnd(), m -> System.out.println(m.valueAsString()));

      assertThat(fetch.messages()).isNotEmpty();
      assertThat(end).isGreaterThanOrEqualTo(6); // six messages plus the transaction's commit marker
    }
    return undelivered;
  }

  @Test
  void theReadmeConsumerExampleReadsWhatTheClientExampleWrote(EmbeddedKafka embedded, TestTopics topics) {
    String greetings = topics.create(1);
    assertThat(theReadmeClientExample(embedded, greetings)).isEmpty();
    long counted;
    try (Gregor kafka = Gregor.connect(embedded.bootstrapServers())) {
      // Offsets are committed only after the handler returned; a failure is retried by pausing
      // the partition (the member keeps polling, so it stays in the group), then stops the loop.
      GroupConsumer consumer = kafka.consumer("greeters-" + greetings, c -> c
          .offsetCommitThreshold(100)
          .errorPolicy(ErrorPolicy.retry(3, Duration.ofSeconds(1), Duration.ofSeconds(30))));
      consumer.subscribe(greetings);
      consumer.eachMessage(message -> {
        System.out.println(message.valueAsString());
        if (message.offset() == 5) {
          consumer.stop(); // from any thread too; SIGTERM stops it the same way
        }
      });

      // Events: rebalances, messages, partition ends and errors, one poll at a time.
      try (GroupConsumer auditor = kafka.consumer("auditors-" + greetings, c -> c.partitionEof(true))) {
        auditor.subscribe(greetings);
        Event event;
        while (!((event = auditor.poll(Duration.ofSeconds(1))) instanceof Event.PartitionEof)) {
          if (event instanceof Message message) {
            System.out.println(message.offset() + ": " + message.valueAsString());
          }
        }
      }

      // A Stream pulls as fast as it is consumed (a Flow.Publisher and a BlockingQueue exist too).
      GroupConsumer counter = kafka.consumer("counters-" + greetings);
      counter.subscribe(greetings);
      try (Stream<Message> messages = counter.stream()) {
        long hellos = messages.limit(6).filter(m -> m.valueAsString().startsWith("hello")).count();
        counted = hellos;
      }
    }

    assertThat(counted).isEqualTo(4); // hello1..hello4 among the six messages
  }
}
