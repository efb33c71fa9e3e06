package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.Listener;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// ruby-kafka "Instrumentation"; KafkaEx "Telemetry" spans.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class NotificationsTest {

  @Test
  void aListenerThatFallsBehindLosesOnlyWhatOverflowsItsQueueAndCountsIt(Gregor gregor, TestTopics topics)
      throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<Notification> seen = new CopyOnWriteArrayList<>();
    NotificationSubscription stuck = gregor.notifications().subscribe(ClientEvent.PRODUCE_MESSAGE, n -> {
      seen.add(n);
      release.await();
    });
    String topic = topics.next(); // only buffered, never sent
    try (Producer producer = gregor.producer(p -> p.maxBufferSize(15_000))) {
      producer.produce(topic, "first");
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1); // the listener waits inside its first call
      for (int i = 1; i < 15_000; i++) {
        producer.produce(topic, "m" + i);
      }
      producer.clearBuffer();
    }

    assertThat(stuck.dropped()).isEqualTo(15_000 - 1 - 10_000); // one being handled, 10,000 queued
    release.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 10_001);
    assertThat(seen.get(10_000).payload()).containsEntry("value", "m10000").containsEntry("buffer_size", 10_001);
    stuck.close();
  }

  @Test
  void aProduceConsumeRoundTripSendsRubyKafkasEventsWithTheirPayloads(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    String group = topic + "-group";
    List<Notification> seen = new CopyOnWriteArrayList<>();
    gregor.notifications().subscribe("*", seen::add);
    List<Notification> acks = new CopyOnWriteArrayList<>();
    gregor.notifications().subscribe(ClientEvent.ACK_MESSAGE, acks::add);

    try (Producer producer = gregor.producer()) {
      producer.produce(topic, "v0", Produce.key("k0"));
      producer.produce(topic, "v1", Produce.key("k1"));
      producer.deliverMessages();
    }
    GroupConsumer consumer = gregor.consumer(group, c -> c.offsetCommitThreshold(1));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      if (message.offset() == 1) {
        consumer.stop();
      }
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> names(seen).contains("leave_group.consumer"));

    assertThat(first(seen, "produce_message.producer").payload()).containsEntry("value", "v0").containsEntry("key", "k0")
        .containsEntry("topic", topic).containsEntry("buffer_size", 1).containsKeys("max_buffer_size", "client_id");
    Notification delivered = first(seen, "deliver_messages.producer");
    assertThat(delivered.phase()).isEqualTo(Notification.Phase.STOP);
    assertThat(delivered.payload()).containsEntry("attempts", 1).containsEntry("message_count", 2)
        .containsEntry("delivered_message_count", 2);
    assertThat(all(seen, "ack_message.producer")).extracting(n -> n.get("offset")).containsExactly(0L, 1L);
    assertThat(first(seen, "start_process_message.consumer").payload()).containsEntry("offset", 0L)
        .containsEntry("group_id", group);
    assertThat(all(seen, "process_message.consumer")).extracting(n -> n.get("offset_lag")).containsExactly(1L, 0L);
    assertThat(first(seen, "process_message.consumer").payload()).containsEntry("value", "v0")
        .containsEntry("key", "k0").containsEntry("topic", topic).containsEntry("partition", 0);
    assertThat(first(seen, "sync_group.consumer").payload())
        .containsEntry("topic_partitions", Map.of(topic, List.of(0)));
    assertThat(names(seen)).contains("join_group.consumer", "commit_offsets.consumer");
    assertThat(all(seen, "commit_offsets.consumer")).allSatisfy(n -> assertThat(n.phase()).isEqualTo(Notification.Phase.STOP));
    assertThat(first(seen, "request.connection").payload()).containsEntry("api", "all")
        .containsKeys("broker", "request_count", "request_size", "response_size", "latency_avg_ms");
    assertThat(seen).allSatisfy(n -> assertThat(n.payload()).containsKey("client_id"));
    assertThat(seen).allSatisfy(NotificationsTest::carriesOnlyItsKindsKeys);
    await().atMost(Duration.ofSeconds(10)).until(() -> acks.size() == 2);
    assertThat(acks).allSatisfy(n -> assertThat(n.is(ClientEvent.ACK_MESSAGE)).isTrue());
  }

  /** Each notification is a {@link ClientEvent}, or the {@code start_} of a timed one, with only the keys its kind documents. */
  private static void carriesOnlyItsKindsKeys(Notification n) {
    ClientEvent kind = ClientEvent.named(n.name())
        .or(() -> ClientEvent.named(n.name().replaceFirst("^start_", "")).filter(ClientEvent::timed))
        .orElseThrow(() -> new AssertionError(n.name() + " is no ClientEvent"));
    List<String> documented = new java.util.ArrayList<>(kind.payloadKeys());
    documented.addAll(List.of(EventKeys.CLIENT_ID, EventKeys.GROUP_ID));
    assertThat(n.payload().keySet()).as("payload keys of %s", n.name()).isSubsetOf(documented);
  }

  @Test
  void failuresAreReportedWithTheirException(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    List<Notification> seen = new CopyOnWriteArrayList<>();
    gregor.notifications().subscribe("*", seen::add);

    try (Producer producer = gregor.producer(p -> p.maxBufferSize(1))) {
      producer.produce(topic, "fits");
      assertThatThrownBy(() -> producer.produce(topic, "does not")).isInstanceOf(BufferOverflow.class);
      producer.clearBuffer();
      producer.produce(topic, "x".repeat(2_000_000));
      assertThatThrownBy(producer::deliverMessages).isInstanceOf(DeliveryFailed.class);
    }
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    gregor.deliverMessage(topic, "poison");
    consumer.subscribe(topic);
    assertThatThrownBy(() -> consumer.eachMessage(message -> {
      throw new IllegalStateException("cannot process");
    })).isInstanceOf(ProcessingFailed.class).cause().hasMessage("cannot process");
    await().atMost(Duration.ofSeconds(30)).until(() -> names(seen).contains("leave_group.consumer"));

    assertThat(first(seen, "buffer_overflow.producer").payload()).containsEntry("topic", topic)
        .containsEntry("buffer_size", 1).containsEntry("max_buffer_size", 1);
    assertThat(first(seen, "topic_error.producer").payload()).containsEntry("topic", topic);
    Notification failedDelivery = all(seen, "deliver_messages.producer").stream()
        .filter(n -> n.phase() == Notification.Phase.EXCEPTION).findFirst().orElseThrow();
    assertThat(failedDelivery.error()).isInstanceOf(DeliveryFailed.class);
    assertThat(failedDelivery.payload()).containsEntry("delivered_message_count", 0).containsKey("exception");
    Notification failedProcessing = first(seen, "process_message.consumer");
    assertThat(failedProcessing.phase()).isEqualTo(Notification.Phase.EXCEPTION);
    assertThat(failedProcessing.error()).hasMessage("cannot process");
  }

  @Test
  void spansHaveAStartAndAStopWithKafkaExNames(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    List<Notification> spans = new CopyOnWriteArrayList<>();
    List<Notification> consumerOnly = new CopyOnWriteArrayList<>();
    gregor.notifications().subscribeSpans("deliver_messages.producer", spans::add);
    gregor.notifications().subscribe("*.consumer", consumerOnly::add);

    gregor.deliverMessage(topic, "one");
    await().atMost(Duration.ofSeconds(10)).until(() -> spans.size() == 2);

    assertThat(spans).extracting(Notification::spanName).containsExactly("gregor.produce.start", "gregor.produce.stop");
    assertThat(spans.get(1).duration()).isPositive();
    assertThat(consumerOnly).isEmpty();
  }

  @Test
  void aThrowingOrStuckListenerNeverBreaksDelivery(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    CountDownLatch release = new CountDownLatch(1);
    NotificationSubscription throwing = gregor.notifications().subscribe("*", n -> {
      throw new IllegalStateException("listener bug");
    });
    gregor.notifications().subscribe("*", n -> release.await());

    for (int i = 0; i < 3; i++) {
      assertThat(gregor.deliverMessage(topic, "still delivered " + i).offset()).isEqualTo(i);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> throwing.failed() >= 3);
    release.countDown();
    throwing.close();
  }

  @Test
  void seekPauseAndHeartbeatAreReported(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    GroupOffsets.write(gregor, topic, 3);
    List<Notification> seen = new CopyOnWriteArrayList<>();
    gregor.notifications().subscribe("*.consumer", seen::add);

    GroupConsumer consumer = gregor.consumer(topic + "-group", c -> c.heartbeatInterval(Duration.ofMillis(100)));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      if (message.offset() == 0) {
        consumer.seek(topic, 0, 2);
        consumer.pause(topic, 0, Duration.ofMillis(500));
      } else if (names(seen).contains("heartbeat.consumer") && names(seen).contains("pause_status.consumer")) {
        consumer.stop();
      } else {
        consumer.seek(topic, 0, 2); // read offset 2 again until both were reported
      }
    });

    assertThat(first(seen, "seek.consumer").payload()).containsEntry("topic", topic).containsEntry("offset", 2L);
    assertThat(first(seen, "pause_status.consumer").payload()).containsEntry("partition", 0).containsKey("duration");
    assertThat(first(seen, "heartbeat.consumer").payload()).containsEntry("topic_partitions", Map.of(topic, List.of(0)));
  }

  @Test
  void fetchMetadataConnectionsAndSaslLoginsAreReported(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    List<Notification> seen = new CopyOnWriteArrayList<>();
    try (Gregor sasl = Gregor.connect(Config.builder().seedBrokers(kafka.bootstrapServers(Listener.SASL_PLAINTEXT))
        .sasl(Sasl.scramSha512("gregor", "gregor-secret")).saslOverSsl(false).build())) {
      sasl.notifications().subscribe("*", seen::add);
      sasl.deliverMessage(topic, "one");
      sasl.fetch(topic, 0, Offset.EARLIEST);
      sasl.topicMetadata(topic);
      await().atMost(Duration.ofSeconds(10)).until(() -> names(seen).containsAll(List.of("fetch_messages.connection",
          "metadata.connection", "connect.connection", "authenticate.sasl")));
    }

    assertThat(first(seen, "fetch_messages.connection").payload()).containsEntry("topic", topic)
        .containsEntry("message_count", 1);
    assertThat(first(seen, "fetch_messages.connection").category()).isEqualTo("fetch");
    assertThat(first(seen, "metadata.connection").category()).isEqualTo("metadata");
    assertThat((Long) first(seen, "connect.connection").get("connection_count")).isPositive();
    assertThat((Long) first(seen, "authenticate.sasl").get("succeeded")).isPositive();
    assertThat(first(seen, "authenticate.sasl").spanName()).isEqualTo("gregor.sasl_auth.event");
    assertThat(seen).allSatisfy(NotificationsTest::carriesOnlyItsKindsKeys);
  }

  private static List<String> names(List<Notification> seen) {
    return seen.stream().map(Notification::name).collect(Collectors.toList());
  }

  private static List<Notification> all(List<Notification> seen, String name) {
    return seen.stream().filter(n -> n.name().equals(name)).collect(Collectors.toList());
  }

  private static Notification first(List<Notification> seen, String name) {
    return seen.stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " among " + names(seen)));
  }
}
