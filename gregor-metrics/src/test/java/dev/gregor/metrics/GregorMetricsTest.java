package dev.gregor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.BufferOverflow;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.Gregor;
import dev.gregor.client.ProcessingFailed;
import dev.gregor.client.Producer;
import dev.gregor.client.QueueConsumer;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

// ruby-kafka: "What to Monitor" — producer, consumer and API-call metrics in any Micrometer registry.
@EmbeddedKafkaTest
class GregorMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aRoundTripRecordsDeliveryAcksProcessingLagAndTheGroupsLife(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String group = topic + "-group";
    MeterRegistry registry = new SimpleMeterRegistry();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); GregorMetrics metrics = GregorMetrics.of(gregor)) {
      metrics.bindTo(registry);

      RoundTrip.run(gregor, topic);

      await().atMost(WAIT).until(() -> registry.find("gregor.consumer.leave.group").counter() != null);
      Tags client = Tags.of("client", "gregor");
      Tags inGroup = client.and("group_id", group);
      assertThat(registry.get("gregor.producer.produce.messages").tags(client.and("topic", topic)).counter().count()).isEqualTo(2);
      assertThat(registry.get("gregor.producer.buffer.size").tags(client).gauge().value()).isEqualTo(2);
      assertThat(registry.get("gregor.producer.deliver.latency").tags(client).timer().count()).isEqualTo(1);
      assertThat(registry.get("gregor.producer.deliver.messages").tags(client).counter().count()).isEqualTo(2);
      assertThat(registry.get("gregor.producer.deliver.attempts").tags(client).counter().count()).isEqualTo(1);
      assertThat(registry.get("gregor.producer.ack.messages").tags(client.and("topic", topic)).counter().count()).isEqualTo(2);
      assertThat(registry.get("gregor.consumer.messages").tags(inGroup.and("topic", topic)).counter().count()).isEqualTo(2);
      assertThat(registry.get("gregor.consumer.process.message.latency").tags(inGroup.and("topic", topic)).timer().count())
          .isEqualTo(2);
      assertThat(registry.get("gregor.consumer.lag").tags(inGroup.and("topic", topic).and("partition", "0")).gauge().value())
          .isZero();
      assertThat(registry.get("gregor.consumer.join.group").tags(inGroup).counter().count()).isEqualTo(1);
      assertThat(registry.get("gregor.consumer.sync.group").tags(inGroup).counter().count()).isEqualTo(1);
      assertThat(registry.get("gregor.consumer.assigned.partitions").tags(inGroup).gauge().value()).isEqualTo(1);
      assertThat(registry.get("gregor.consumer.commit.offsets").tags(inGroup).counter().count()).isPositive();
      assertThat(registry.get("gregor.consumer.commit.latency").tags(inGroup).timer().count()).isPositive();
      assertThat(registry.get("gregor.notifications.dropped").functionCounter().count()).isZero();
      assertThat(registry.get("gregor.api.calls").tags(client.and("api", "all")).tagKeys("broker").counters())
          .anySatisfy(calls -> assertThat(calls.count()).isPositive());
    }
  }

  @Test
  void queueMessagesAreCountedWithoutALagGaugeAShareGroupDoesNotHave(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    String group = topic + "-queue";
    MeterRegistry registry = new SimpleMeterRegistry();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); GregorMetrics metrics = GregorMetrics.of(gregor)) {
      metrics.bindTo(registry);
      gregor.deliverMessage(topic, "job");
      QueueConsumer queue = gregor.queue(group, q -> q.startFromBeginning(true));
      queue.subscribe(topic);
      Thread running = new Thread(() -> queue.eachMessage(job -> queue.stop()), "queue");
      running.start();

      Tags inQueue = Tags.of("client", "gregor", "group_id", group, "topic", topic);
      await().atMost(Duration.ofSeconds(60)).until(() -> registry.find("gregor.consumer.messages").tags(inQueue).counter() != null);
      running.join(30_000);
      assertThat(registry.get("gregor.consumer.messages").tags(inQueue).counter().count()).isEqualTo(1);
      assertThat(registry.find("gregor.consumer.lag").tags(inQueue).gauge()).isNull();
    }
  }

  @Test
  void kafkaClientsOwnMetricsAreBoundWithMicrometersNamesAndTheInstanceAsATag(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    MeterRegistry registry = new SimpleMeterRegistry();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); GregorMetrics metrics = GregorMetrics.of(gregor)) {
      metrics.bindTo(registry);

      gregor.deliverMessage(topic, "counted by kafka-clients");

      RequiredSearch sent = registry.get("kafka.producer.record.send.total").tag("client.id", "gregor");
      assertThat(sent.functionCounter().count()).isEqualTo(1);
      assertThat(sent.functionCounter().getId().getTag("kafka.client")).startsWith("producer-");
      assertThat(registry.get("kafka.producer.node.request.rate").tagKeys("node.id").gauges()).isNotEmpty();
      assertThat(registry.get("kafka.producer.topic.record.send.total").tag("topic", topic).functionCounter().count())
          .isEqualTo(1);
      assertThat(registry.find("kafka.app.info.version").meters()).as("strings are not meters").isEmpty();
    }
  }

  @Test
  void consumerFetchMetricsKeepTheirMostDetailedTagsUnderOneName(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    MeterRegistry registry = new SimpleMeterRegistry();
    List<Meter.Id> whileConsuming = new ArrayList<>();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); GregorMetrics metrics = GregorMetrics.of(gregor)) {
      metrics.bindTo(registry);
      gregor.deliverMessage(topic, "one");
      GroupConsumer consumer = gregor.consumer(topic + "-group");
      consumer.subscribe(topic);
      consumer.eachMessage(message -> {
        if (registry.find("kafka.consumer.fetch.manager.records.lag").tag("partition", "0").gauge() != null) {
          registry.getMeters().forEach(m -> whileConsuming.add(m.getId()));
          consumer.stop();
        }
      });

      assertThat(whileConsuming).anySatisfy(id -> {
        assertThat(id.getName()).isEqualTo("kafka.consumer.fetch.manager.records.lag");
        assertThat(id.getTag("topic")).isEqualTo(topic);
      });
      Map<String, Set<Integer>> tagCounts = whileConsuming.stream().collect(
          Collectors.groupingBy(Meter.Id::getName, Collectors.mapping(id -> id.getTags().size(), Collectors.toSet())));
      assertThat(tagCounts).allSatisfy((name, counts) -> assertThat(counts).as(name).hasSize(1));
      assertThat(registry.find("kafka.consumer.fetch.manager.records.lag").meters()).as("removed once closed").isEmpty();
    }
  }

  @Test
  void failuresAreCountedByTopic(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    MeterRegistry registry = new SimpleMeterRegistry();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); GregorMetrics metrics = GregorMetrics.of(gregor)) {
      metrics.bindTo(registry);

      try (Producer producer = gregor.producer(p -> p.maxBufferSize(1))) {
        producer.produce(topic, "fits");
        assertThatThrownBy(() -> producer.produce(topic, "does not")).isInstanceOf(BufferOverflow.class);
        producer.clearBuffer();
        producer.produce(topic, "x".repeat(2_000_000));
        assertThatThrownBy(producer::deliverMessages).isInstanceOf(DeliveryFailed.class);
      }
      gregor.deliverMessage(topic, "poison");
      GroupConsumer consumer = gregor.consumer(topic + "-group");
      consumer.subscribe(topic);
      assertThatThrownBy(() -> consumer.eachMessage(message -> {
        throw new IllegalStateException("cannot process");
      })).isInstanceOf(ProcessingFailed.class).cause().hasMessage("cannot process");

      await().atMost(WAIT).until(() -> registry.find("gregor.consumer.process.message.errors").counter() != null);
      Tags onTopic = Tags.of("client", "gregor", "topic", topic);
      assertThat(registry.get("gregor.producer.buffer.overflows").tags(onTopic).counter().count()).isEqualTo(1);
      assertThat(registry.get("gregor.producer.topic.errors").tags(onTopic).counter().count()).isEqualTo(1);
      assertThat(registry.get("gregor.producer.deliver.errors").tag("client", "gregor").counter().count()).isEqualTo(1);
      assertThat(registry.get("gregor.consumer.process.message.errors").tags(onTopic).counter().count()).isEqualTo(1);
    }
  }

  @Test
  void closingTheBinderRemovesItsMeters(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    MeterRegistry registry = new SimpleMeterRegistry();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      GregorMetrics metrics = GregorMetrics.builder(gregor).tags(Tags.of("app", "billing")).build();
      metrics.bindTo(registry);
      gregor.deliverMessage(topic, "one");
      await().atMost(WAIT).until(() -> registry.find("gregor.producer.ack.messages").counter() != null);
      assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("app")).isEqualTo("billing"));

      metrics.close();

      assertThat(registry.getMeters()).isEmpty();
    }
  }

  @Test
  void aThrowingRegistryNeverBreaksDeliveryOrConsuming(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    MeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (id.getName().startsWith("gregor.notifications")) {
          return id; // binding works; every meter recorded later fails
        }
        throw new IllegalStateException("broken registry");
      }
    });
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); GregorMetrics metrics = GregorMetrics.of(gregor)) {
      metrics.bindTo(registry);

      RoundTrip.run(gregor, topic);

      assertThat(gregor.latestOffset(topic, 0)).isEqualTo(2);
    }
  }

  @Test
  void aBinderThatWouldRecordNothingIsRefused(EmbeddedKafka kafka) {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      assertThatThrownBy(() -> GregorMetrics.builder(gregor).events(false).kafkaClientMetrics(false).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events and kafkaClientMetrics are both off");
    }
    assertThatThrownBy(() -> GregorMetrics.builder(null).build()).hasMessageContaining("kafka must be a connected Gregor client");
  }
}
