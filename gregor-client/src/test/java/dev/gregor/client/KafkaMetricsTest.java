package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.client.internal.config.ClientProperties;
import dev.gregor.client.internal.metrics.ClientMetricsRegistry;
import dev.gregor.client.internal.metrics.GregorMetricsReporter;
import dev.gregor.embedded.TestTopics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// ruby-kafka: "What to Monitor" — low-level API calls by broker come from kafka-clients' own metrics.
@dev.gregor.embedded.EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class KafkaMetricsTest {
  @Test
  void aDeliveryShowsTheProducersOwnMetricsPerBrokerAndTopic(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);

    gregor.deliverMessage(topic, "counted");

    List<ClientMetric> metrics = gregor.kafkaMetrics().metrics();
    assertThat(value(metrics, "producer-metrics", "record-send-total")).isGreaterThanOrEqualTo(1.0);
    assertThat(metrics).anySatisfy(m -> {
      assertThat(m.name().group()).isEqualTo("producer-node-metrics");
      assertThat(m.name().tags()).containsKey("node-id");
    });
    assertThat(metrics).anySatisfy(m -> assertThat(m.name().tags()).containsEntry("topic", topic));
    assertThat(metrics).filteredOn(m -> m.name().group().equals("producer-metrics")).allSatisfy(m -> {
      assertThat(m.instance()).startsWith("producer-");
      assertThat(m.name().tags()).containsEntry("client-id", "gregor");
    });
  }

  @Test
  void aClosedConsumersMetricsAreRemovedAndWatchersAreToldOfBoth(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    gregor.deliverMessage(topic, "one");
    List<ClientMetric> added = new CopyOnWriteArrayList<>();
    List<ClientMetric> removed = new CopyOnWriteArrayList<>();

    try (KafkaMetrics.Watch watch = gregor.kafkaMetrics().watch(new ClientMetricListener() {
      @Override
      public void added(ClientMetric metric) {
        added.add(metric);
      }

      @Override
      public void removed(ClientMetric metric) {
        removed.add(metric);
      }
    })) {
      assertThat(added).anySatisfy(m -> assertThat(m.instance()).startsWith("producer-"));
      gregor.fetch(topic, 0, Offset.EARLIEST);
    }

    List<ClientMetric> consumerMetrics = added.stream().filter(m -> m.instance().startsWith("consumer-")).toList();
    assertThat(consumerMetrics).anySatisfy(m -> assertThat(m.name().group()).isEqualTo("consumer-fetch-manager-metrics"));
    assertThat(removed).containsAll(consumerMetrics);
    assertThat(gregor.kafkaMetrics().metrics()).noneSatisfy(m -> assertThat(m.instance()).startsWith("consumer-"));
  }

  @Test
  void instanceNumbersAreReusedOnceAnInstanceCloses(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    gregor.deliverMessage(topic, "one");
    List<String> consumers = new CopyOnWriteArrayList<>();
    try (KafkaMetrics.Watch watch = gregor.kafkaMetrics().watch(new ClientMetricListener() {
      @Override
      public void added(ClientMetric metric) {
        if (metric.instance().startsWith("consumer-") && !consumers.contains(metric.instance())) {
          consumers.add(metric.instance());
        }
      }

      @Override
      public void removed(ClientMetric metric) { }
    })) {
      gregor.fetch(topic, 0, Offset.EARLIEST);
      gregor.fetch(topic, 0, Offset.EARLIEST);
    }

    assertThat(consumers).containsExactly("consumer-1");
  }

  @Test
  void aThrowingWatcherNeverBreaksDelivery(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    try (KafkaMetrics.Watch watch = gregor.kafkaMetrics().watch(new ClientMetricListener() {
      @Override
      public void added(ClientMetric metric) {
        throw new IllegalStateException("broken reporter");
      }

      @Override
      public void removed(ClientMetric metric) {
        throw new IllegalStateException("broken reporter");
      }
    })) {
      assertThat(gregor.deliverMessage(topic, "still delivered").offset()).isZero();
      assertThat(gregor.fetch(topic, 0, Offset.EARLIEST).messages()).hasSize(1);
    }
  }

  @Test
  void metricTagsNameOnlyClientsBrokersTopicsAndPartitions(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    gregor.deliverMessage(topic, "tagged");
    gregor.fetch(topic, 0, Offset.EARLIEST);
    gregor.topics().list();

    Set<String> tagKeys = gregor.kafkaMetrics().metrics().stream()
        .flatMap(m -> m.name().tags().keySet().stream()).collect(Collectors.toSet());

    assertThat(tagKeys).isSubsetOf("client-id", "node-id", "topic", "partition");
  }

  @Test
  void jmxAndTheUsersReportersStayBesideGregorsOwn() {
    Config plain = Config.builder().seedBrokers("k:9092").build();
    Config custom = Config.builder().seedBrokers("k:9092").property("metric.reporters", "com.example.Mine, ").build();

    assertThat(ClientProperties.common(plain).get("metric.reporters"))
        .isEqualTo(List.of(JmxReporter.class.getName(), GregorMetricsReporter.class.getName()));
    assertThat(ClientProperties.common(custom).get("metric.reporters"))
        .isEqualTo(List.of("com.example.Mine", GregorMetricsReporter.class.getName()));
  }

  @Test
  void kafkaClientsDoesNotReportGregorsRegistryPropertyAsUnused() {
    Config config = Config.builder().seedBrokers("k:9092").build();
    Map<String, Object> properties = new HashMap<>(ClientProperties.common(config));
    properties.put("key.serializer", ByteArraySerializer.class);
    properties.put("value.serializer", ByteArraySerializer.class);
    properties.put("key.deserializer", ByteArrayDeserializer.class);
    properties.put("value.deserializer", ByteArrayDeserializer.class);

    for (AbstractConfig kafkaConfig : List.of(new ProducerConfig(properties), new ConsumerConfig(properties),
        new AdminClientConfig(properties))) {
      List<MetricsReporter> reporters = CommonClientConfigs.metricsReporters("gregor", kafkaConfig);
      assertThat(reporters).hasAtLeastOneElementOfType(GregorMetricsReporter.class);
      assertThat(kafkaConfig.unused()).doesNotContain(ClientMetricsRegistry.PROPERTY);
      reporters.forEach(MetricsReporter::close);
    }
  }

  private static double value(List<ClientMetric> metrics, String group, String name) {
    return metrics.stream().filter(m -> m.name().group().equals(group) && m.name().name().equals(name))
        .mapToDouble(m -> (Double) m.value()).sum();
  }
}
