package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.committedTotal;
import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// confluent-kafka-go's event API in Gregor: poll, the channel, and Stream / Flow.Publisher.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ConsumerEventsTest {
  private static final Duration POLL = Duration.ofMillis(200);

  @Test
  void pollReturnsTheAssignmentThenMessagesThenEachPartitionEndOnce(Gregor gregor, TestTopics topics) {
    String topic = topics.create(2);
    write(gregor, topic, 0, 3);
    List<Event> events = new ArrayList<>();

    try (GroupConsumer consumer = gregor.consumer(topic + "-group", c -> c.partitionEof(true))) {
      consumer.subscribe(topic);
      pollUntil(consumer, events, () -> ends(events).size() == 2);
      write(gregor, topic, 0, 1);
      pollUntil(consumer, events, () -> ends(events).size() == 3);
    }

    assertThat(events.get(0)).isEqualTo(new Event.PartitionsAssigned(
        List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1))));
    assertThat(events.stream().filter(Message.class::isInstance).map(e -> ((Message) e).offset()))
        .containsExactly(0L, 1L, 2L, 3L);
    assertThat(ends(events).subList(0, 2)).containsExactlyInAnyOrder(
        new Event.PartitionEof(topic, 0, 3), new Event.PartitionEof(topic, 1, 0));
    assertThat(ends(events).get(2)).isEqualTo(new Event.PartitionEof(topic, 0, 4));
    int lastMessage = events.indexOf(events.stream().filter(e -> e instanceof Message m && m.offset() == 3).findFirst().get());
    assertThat(events.indexOf(ends(events).get(2))).isGreaterThan(lastMessage);
  }

  @Test
  void theApplicationMaySeekWhenPartitionsAreAssigned(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    List<Event> events = new ArrayList<>();

    try (GroupConsumer consumer = gregor.consumer(topic + "-group")) {
      consumer.subscribe(topic);
      pollUntil(consumer, events, () -> {
        if (events.get(events.size() - 1) instanceof Event.PartitionsAssigned) {
          consumer.seek(topic, 0, 3); // e.g. resume from offsets the application keeps itself
        }
        return events.get(events.size() - 1) instanceof Message;
      });
    }

    assertThat(((Message) events.get(events.size() - 1)).offset()).isEqualTo(3);
  }

  @Test
  void closeCommitsTheMessagesTheApplicationCameBackFromAndLeavesTheGroup(Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    String group = topic + "-group";
    List<Event> events = new ArrayList<>();

    GroupConsumer consumer = gregor.consumer(group);
    consumer.subscribe(topic);
    pollUntil(consumer, events, () -> events.stream().filter(Message.class::isInstance).count() == 3);
    consumer.close();

    // Messages 0 and 1 were followed by another poll, so they count as processed; 2 may still be in work.
    assertThat(committedTotal(admin, group)).isEqualTo(2);
    assertThat(admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members()).isEmpty();
  }

  @Test
  void theChannelHoldsAtMostItsCapacityAndCommitsWhatTheApplicationMarkedFromItsThread(Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 20);
    String group = topic + "-group";
    List<Long> taken = new ArrayList<>();

    GroupConsumer consumer = gregor.consumer(group, c -> c.automaticallyMarkAsProcessed(false));
    consumer.subscribe(topic);
    BlockingQueue<Event> channel = consumer.events(3);
    while (taken.size() < 20) {
      Event event = channel.poll(30, TimeUnit.SECONDS);
      assertThat(event).as("an event within 30 s").isNotNull();
      assertThat(channel.size()).isLessThanOrEqualTo(3);
      if (event instanceof Message message) {
        taken.add(message.offset());
        if (message.offset() == 11) {
          consumer.markMessageAsProcessed(message); // from this thread, not the polling one
        }
      }
    }
    consumer.close();

    assertThat(taken).containsExactlyElementsOf(Stream.iterate(0L, i -> i + 1).limit(20).collect(Collectors.toList()));
    assertThat(committedTotal(admin, group)).isEqualTo(12);
  }

  @Test
  void theChannelNeedsManualMarking(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);

    assertThatThrownBy(() -> consumer.events(10)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("automaticallyMarkAsProcessed(false)");
  }

  @Test
  void aStreamCommitsTheMessagesItProcessed(Gregor gregor, Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 10);
    String group = topic + "-group";
    GroupConsumer consumer = gregor.consumer(group);
    consumer.subscribe(topic);

    List<String> values;
    try (Stream<Message> messages = consumer.stream()) {
      values = messages.limit(6).map(Message::valueAsString).collect(Collectors.toList());
    }

    assertThat(values).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
    assertThat(committedTotal(admin, group)).isEqualTo(6);
  }

  @Test
  void aPublisherDeliversNoMoreThanItsSubscriberRequested(Gregor gregor, Admin admin, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 20);
    String group = topic + "-group";
    GroupConsumer consumer = gregor.consumer(group);
    consumer.subscribe(topic);
    AtomicInteger received = new AtomicInteger();
    CountDownLatch completed = new CountDownLatch(1);

    consumer.publisher().subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(5);
      }

      @Override
      public void onNext(Message item) {
        received.incrementAndGet();
      }

      @Override
      public void onError(Throwable throwable) {
        completed.countDown();
      }

      @Override
      public void onComplete() {
        completed.countDown();
      }
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> received.get() == 5);
    consumer.stop();

    assertThat(completed.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(received.get()).isEqualTo(5); // 15 more were there to be had
    assertThat(committedTotal(admin, group)).isEqualTo(5);
  }

  private static List<Event.PartitionEof> ends(List<Event> events) {
    return events.stream().filter(Event.PartitionEof.class::isInstance).map(Event.PartitionEof.class::cast)
        .collect(Collectors.toList());
  }

  /** Polls on this thread (the consumer's owner) until {@code done} holds after an event. */
  private static void pollUntil(GroupConsumer consumer, List<Event> events, java.util.function.BooleanSupplier done) {
    await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
      Event event = consumer.poll(POLL);
      if (event == null) {
        return false;
      }
      events.add(event);
      return done.getAsBoolean();
    });
  }
}
