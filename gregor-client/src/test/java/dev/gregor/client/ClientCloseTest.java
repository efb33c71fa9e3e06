package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.committedTotal;
import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Closing a Gregor client closes everything it created; any later use says the client is closed. */
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ClientCloseTest {

  @Test
  void closingTheClientStopsAConsumerOnAnotherThreadCommitsAndWaitsForIt(EmbeddedKafka kafka, Gregor writer,
      Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(writer, topic, 3);
    Gregor gregor = Gregor.connect(kafka.bootstrapServers());
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);
    List<String> handled = new CopyOnWriteArrayList<>();
    Thread running = new Thread(() -> consumer.eachMessage(message -> handled.add(message.valueAsString())));
    running.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 3);

    gregor.close();

    running.join(10_000); // eachMessage returns right after the member closed
    assertThat(running.isAlive()).as("the consumer's thread after close() returned").isFalse();
    assertThat(committedTotal(admin, topic + "-group")).isEqualTo(3);
    assertThatThrownBy(() -> consumer.eachMessage(message -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
  }

  @Test
  void aConsumerNotYetConsumingRefusesToStartOnceTheClientIsClosed(EmbeddedKafka kafka, TestTopics topics) {
    Gregor gregor = Gregor.connect(kafka.bootstrapServers());
    GroupConsumer consumer = gregor.consumer("never-started");

    gregor.close();

    assertThatThrownBy(() -> consumer.subscribe(topics.create(1)))
        .isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
  }

  @Test
  void aProducerOfAClosedClientSaysTheClientIsClosedOnEveryThread(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    Gregor gregor = Gregor.connect(kafka.bootstrapServers());
    Producer producer = gregor.producer();
    CompletableFuture<Delivered> buffered = producer.produce(topic, "never delivered");

    gregor.close();

    assertThatThrownBy(() -> producer.produce(topic, "late"))
        .isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
    AtomicReference<Throwable> elsewhere = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        producer.deliverMessages();
      } catch (Throwable e) {
        elsewhere.set(e);
      }
    });
    other.start();
    other.join(10_000);
    assertThat(elsewhere.get()).isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
    assertThat(buffered).as("the report of a message left in the buffer").isCancelled();
  }

  @Test
  void closingTheClientShutsDownAnAsyncProducerDeliveringWhatItHolds(EmbeddedKafka kafka, Gregor reader,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    Gregor gregor = Gregor.connect(kafka.bootstrapServers());
    AsyncProducer producer = gregor.asyncProducer(a -> a.deliveryInterval(Duration.ofMinutes(10)));
    CompletableFuture<Delivered> report = producer.produce(topic, "held until close");

    gregor.close();

    assertThat(report).isCompleted();
    assertThat(report.get().offset()).isZero();
    assertThat(reader.latestOffset(topic, 0)).isEqualTo(1);
    assertThatThrownBy(() -> producer.produce(topic, "late"))
        .isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
  }

  @Test
  void aTransactionalProducerOfAClosedClientSaysTheClientIsClosed(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    Gregor gregor = Gregor.connect(kafka.bootstrapServers());
    TransactionalProducer producer = gregor.transactionalProducer(topic + "-tx");
    producer.inTransaction(tx -> tx.produce(topic, "committed", Produce.options()));

    gregor.close();

    assertThatThrownBy(() -> producer.inTransaction(tx -> tx.produce(topic, "late", Produce.options())))
        .isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
  }

  @Test
  void closingTheClientStopsAQueueMemberOnAnotherThreadAndWaitsForIt(EmbeddedKafka kafka, Gregor writer,
      Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    writer.deliverMessage(topic, "job");
    Gregor gregor = Gregor.connect(kafka.bootstrapServers());
    QueueConsumer queue = gregor.queue(topic + "-queue", q -> q.startFromBeginning(true));
    queue.subscribe(topic);
    List<String> handled = new CopyOnWriteArrayList<>();
    Thread running = new Thread(() -> queue.eachMessage(job -> handled.add(job.message().valueAsString())));
    running.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 1);

    gregor.close();

    assertThat(admin.describeShareGroups(List.of(topic + "-queue")).all().get(10, TimeUnit.SECONDS)
        .get(topic + "-queue").members()).as("members of the queue after close() returned").isEmpty();
    running.join(10_000); // eachMessage returns right after the member closed
    assertThat(running.isAlive()).as("the queue member's thread after close() returned").isFalse();
    assertThatThrownBy(() -> queue.eachMessage(job -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
  }

  @Test
  void theClientItselfSaysItIsClosedAndClosingTwiceIsHarmless(EmbeddedKafka kafka, TestTopics topics) {
    Gregor gregor = Gregor.connect(kafka.bootstrapServers());
    Producer producer = gregor.producer();
    Topics topicAdmin = gregor.topics();

    gregor.close();
    gregor.close();
    producer.close();

    assertThatThrownBy(() -> gregor.deliverMessage(topics.create(1), "late"))
        .isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
    assertThatThrownBy(gregor::producer).isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
    assertThatThrownBy(topicAdmin::list).isInstanceOf(IllegalStateException.class).hasMessage(closedMessage(kafka));
  }

  private static String closedMessage(EmbeddedKafka kafka) {
    return "the Gregor client for " + kafka.bootstrapServers() + " is closed";
  }
}
