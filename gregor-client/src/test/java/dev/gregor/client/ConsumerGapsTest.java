package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// Issue 20's client API gaps: a typed read_committed, events from group-less and queue reading, deleted topics.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ConsumerGapsTest {

  @Test
  void readCommittedConsumersNeverSeeAnAbortedTransaction(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    try (TransactionalProducer producer = gregor.transactionalProducer(topic + "-tx")) {
      assertThatThrownBy(() -> producer.inTransaction(tx -> {
        tx.produce(topic, "aborted", Produce.options()).join(); // written to the log, then aborted
        throw new IllegalStateException("transform failed");
      })).hasMessage("transform failed");
      producer.inTransaction(tx -> tx.produce(topic, "committed", Produce.options()));
    }

    List<String> grouped = new CopyOnWriteArrayList<>();
    GroupConsumer consumer = gregor.consumer(topic + "-group", c -> c.readCommitted(true));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      grouped.add(message.valueAsString());
      consumer.stop();
    });
    List<String> groupLess = new ArrayList<>();
    gregor.eachMessage(topic, Consume.fromBeginning().exitAtEnd().readCommitted(), m -> groupLess.add(m.valueAsString()));
    List<String> uncommitted = new ArrayList<>();
    gregor.eachMessage(topic, Consume.fromBeginning().exitAtEnd(), m -> uncommitted.add(m.valueAsString()));

    assertThat(grouped).containsExactly("committed");
    assertThat(groupLess).containsExactly("committed");
    assertThat(uncommitted).containsExactly("aborted", "committed"); // Kafka's default, read_uncommitted
  }

  @Test
  void groupLessEachMessageSendsProcessMessageNotificationsWithoutAGroup(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 0, 2);
    List<Notification> seen = new CopyOnWriteArrayList<>();
    gregor.notifications().subscribe("*.consumer", seen::add);

    gregor.eachMessage(topic, Consume.fromBeginning().exitAtEnd(), message -> { });

    await().atMost(Duration.ofSeconds(10)).until(() -> named(seen, "process_message.consumer").size() == 2);
    assertThat(named(seen, "start_process_message.consumer")).hasSize(2);
    Notification last = named(seen, "process_message.consumer").get(1);
    assertThat(last.payload()).containsEntry("topic", topic).containsEntry("partition", 0).containsEntry("offset", 1L)
        .containsEntry("offset_lag", 0L).containsEntry("value", "m1").doesNotContainKey("group_id");
  }

  @Test
  void aQueueSendsProcessMessageNotificationsWithTheDeliveryCount(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    gregor.deliverMessage(topic, "job");
    String group = topic + "-queue";
    List<Notification> seen = new CopyOnWriteArrayList<>();
    gregor.notifications().subscribe("*.consumer", seen::add);
    QueueConsumer queue = gregor.queue(group, q -> q.startFromBeginning(true));
    queue.subscribe(topic);
    Thread running = new Thread(() -> queue.eachMessage(job -> queue.stop()), "queue");
    running.start();

    await().atMost(Duration.ofSeconds(60)).until(() -> !named(seen, "process_message.consumer").isEmpty());
    running.join(30_000);
    assertThat(named(seen, "process_message.consumer").get(0).payload()).containsEntry("group_id", group)
        .containsEntry("topic", topic).containsEntry("offset", 0L).containsEntry("delivery_count", 1)
        .containsEntry("value", "job");
  }

  @Test
  void aConsumerWhoseSubscribedTopicIsDeletedIsToldByAnEvent(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 0, 1);
    List<Event> events = new ArrayList<>();
    try (GroupConsumer consumer = gregor.consumer(topic + "-group"); WarnLog log = new WarnLog()) {
      consumer.subscribe(topic);
      pollUntil(consumer, events, () -> events.stream().anyMatch(Message.class::isInstance));

      gregor.topics().delete(topic);

      pollUntil(consumer, events, () -> events.stream().anyMatch(Event.KafkaError.class::isInstance));
      assertThat(log.text()).contains("WARN", "Topic '" + topic + "', subscribed by group '" + topic + "-group', was deleted");
    }
    Event.KafkaError told = events.stream().filter(Event.KafkaError.class::isInstance).map(Event.KafkaError.class::cast)
        .findFirst().orElseThrow();
    assertThat(told.error()).isInstanceOf(UnknownTopic.class)
        .hasMessageContaining("Topic '" + topic + "'").hasMessageContaining("was deleted");
    assertThat(told.retriable()).isTrue();
  }

  private static void pollUntil(GroupConsumer consumer, List<Event> events, java.util.function.BooleanSupplier done) {
    await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
      Event event = consumer.poll(Duration.ofMillis(200));
      if (event != null) {
        events.add(event);
      }
      return done.getAsBoolean();
    });
  }

  private static List<Notification> named(List<Notification> seen, String name) {
    return seen.stream().filter(n -> n.name().equals(name)).collect(Collectors.toList());
  }
}
