package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Issue 20 defect 11 and the transactional events gap: misuse fails at once in Gregor's words,
// the producer stays usable, and transactions are instrumented like the other producers.
@Timeout(120) // a guard against hangs, not a timing assertion
class TransactionMisuseTest {
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startABrokerThatDoesNotCreateTopics() {
    kafka = EmbeddedKafka.builder().brokerConfig("auto.create.topics.enable", "false").start();
    kafka.createTopic("out", 1, 1);
  }

  @AfterAll
  static void stopIt() {
    kafka.close();
  }

  @Test
  void aTransactionUsedAfterItsBlockReturnedFailsAtOnceNamingTheTransactionalId() {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers());
         TransactionalProducer producer = gregor.transactionalProducer("misuse-after")) {
      AtomicReference<Transaction> kept = new AtomicReference<>();
      producer.inTransaction(tx -> {
        kept.set(tx);
        tx.produce("out", "inside", Produce.options());
      });

      long started = System.nanoTime();
      assertThatThrownBy(() -> kept.get().produce("out", "outside", Produce.options()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("transactional id 'misuse-after' has ended");
      assertThatThrownBy(() -> kept.get().sendOffsets("g", "out", 0, 1)).isInstanceOf(IllegalStateException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      producer.inTransaction(tx -> tx.produce("out", "next", Produce.options()));
    }
  }

  @Test
  void aTransactionWritingToAMissingTopicFailsNamingItAbortsAndLeavesTheProducerUsable() {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers());
         TransactionalProducer producer = gregor.transactionalProducer("misuse-missing")) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> producer.inTransaction(tx -> {
        tx.produce("out", "aborted with the rest", Produce.options());
        tx.produce("no-such-topic", "x", Produce.options());
      })).isInstanceOf(UnknownTopic.class)
          .hasMessageContaining("Topic 'no-such-topic' does not exist")
          .hasMessageNotContaining("error state");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

      producer.inTransaction(tx -> tx.produce("out", "committed", Produce.options()));
    }
    Map<String, Object> readCommitted = new HashMap<>(kafka.clientConfig());
    readCommitted.put("isolation.level", "read_committed");
    assertThat(BufferedProducerTest.values(Records.readAll(readCommitted, "out", 1))).contains("committed")
        .doesNotContain("aborted with the rest");
  }

  @Test
  void aBlankTransactionalIdIsRefusedNamingTheSetting() {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThatThrownBy(() -> gregor.transactionalProducer(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("transactionalId");
      assertThatThrownBy(() -> gregor.transactionalProducer("  ")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void transactionsSendTheProducerEventsAndATransactionSpan() {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers());
         TransactionalProducer producer = gregor.transactionalProducer("instrumented")) {
      List<Notification> seen = new CopyOnWriteArrayList<>();
      List<Notification> spans = new CopyOnWriteArrayList<>();
      gregor.notifications().subscribe("*.producer", seen::add);
      gregor.notifications().subscribeSpans("transaction.producer", spans::add);

      producer.inTransaction(tx -> tx.produce("out", "v", Produce.key("k")));
      assertThatThrownBy(() -> producer.inTransaction(tx -> {
        tx.produce("out", "never visible", Produce.options());
        throw new IllegalStateException("transform failed");
      })).hasMessage("transform failed");

      await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream()
          .filter(n -> n.name().equals("transaction.producer") && n.phase() != Notification.Phase.START).count() == 2);
      assertThat(seen).filteredOn(n -> n.name().equals("produce_message.producer")).first()
          .satisfies(n -> assertThat(n.payload()).containsEntry("topic", "out").containsEntry("value", "v")
              .containsEntry("key", "k").containsEntry("buffer_size", 1).containsEntry("transactional_id", "instrumented"));
      assertThat(seen).filteredOn(n -> n.name().equals("ack_message.producer")).first()
          .satisfies(n -> assertThat(n.payload()).containsEntry("topic", "out").containsKeys("partition", "offset"));
      assertThat(seen).filteredOn(n -> n.name().equals("transaction.producer")).extracting(Notification::phase)
          .containsExactly(Notification.Phase.STOP, Notification.Phase.EXCEPTION);
      await().atMost(Duration.ofSeconds(10)).until(() -> spans.size() == 4);
      assertThat(spans).extracting(Notification::spanName).containsExactly("gregor.produce.start", "gregor.produce.stop",
          "gregor.produce.start", "gregor.produce.exception");
      assertThat(seen).filteredOn(n -> n.name().equals("transaction.producer") && n.phase() == Notification.Phase.STOP)
          .singleElement().satisfies(n -> assertThat(n.payload()).containsEntry("transactional_id", "instrumented")
              .containsEntry("message_count", 1));
    }
  }
}
