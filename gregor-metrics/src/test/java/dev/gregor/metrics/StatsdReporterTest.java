package dev.gregor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Config;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// ruby-kafka: "Reporting Metrics to Statsd" and "Reporting Metrics to Datadog".
@EmbeddedKafkaTest
class StatsdReporterTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration FAST = Duration.ofMillis(250);

  @Test
  void statsdLinesCarryTheNamespaceAndFoldTagsIntoTheName(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    try (UdpListener agent = new UdpListener();
        Gregor gregor = Gregor.connect(Config.builder().seedBrokers(kafka.bootstrapServers()).clientId("billing").build());
        StatsdReporter reporter = StatsdReporter.statsd().port(agent.port()).interval(FAST).build().report(gregor)) {

      RoundTrip.run(gregor, topic);
      gregor.deliverMessage(topic, "from the client's own producer, which stays open and so keeps reporting");

      String onTopic = ".client.billing.topic." + topic.replace('.', '_');
      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(agent.named("gregor.producer.ack.messages" + onTopic)).contains(
            "gregor.producer.ack.messages" + onTopic + ":1|c");
        assertThat(agent.named("gregor.producer.deliver.latency.client.billing")).allMatch(line -> line.endsWith("|ms"))
            .isNotEmpty();
        assertThat(agent.named("gregor.producer.buffer.size.client.billing")).isNotEmpty().allMatch(line -> line.endsWith("|g"));
        assertThat(agent.lines()).anyMatch(line -> line.startsWith("gregor.consumer.process.message.latency.client.billing")
            && line.endsWith("|ms"));
        assertThat(agent.lines()).anyMatch(line -> line.startsWith("gregor.consumer.lag.client.billing")
            && line.contains(".partition.0") && line.endsWith(":0|g"));
        assertThat(agent.lines()).anyMatch(line -> line.startsWith("gregor.kafka.producer.node.request.rate.client_id.billing")
            && line.contains(".kafka_client.producer-") && line.contains(".node_id.node-") && line.endsWith("|g"));
      });
      assertThat(agent.lines()).allMatch(line -> line.startsWith("gregor.") && line.matches("[^:|#]+:[^|]+\\|(c|g|ms|h)"));
    }
  }

  @Test
  void dogStatsdLinesCarryTagsAndTheConfiguredOnes(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    try (UdpListener agent = new UdpListener();
        Gregor gregor = Gregor.connect(Config.builder().seedBrokers(kafka.bootstrapServers()).clientId("billing").build());
        StatsdReporter reporter = StatsdReporter.datadog().namespace("shop").host("127.0.0.1").port(agent.port())
            .interval(FAST).tag("env", "test").build().report(gregor)) {

      RoundTrip.run(gregor, topic);
      gregor.deliverMessage(topic, "from the client's own producer, which stays open and so keeps reporting");

      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(agent.named("shop.producer.ack.messages")).anySatisfy(line -> assertThat(line)
            .startsWith("shop.producer.ack.messages:1|c|#").contains("client:billing", "topic:" + topic, "env:test"));
        assertThat(agent.named("shop.producer.deliver.latency")).anySatisfy(line -> assertThat(line)
            .contains("|ms|#").contains("client:billing"));
        assertThat(agent.named("shop.consumer.lag")).anySatisfy(line -> assertThat(line)
            .contains(":0|g|#").contains("group_id:" + topic + "-group", "partition:0", "topic:" + topic));
        assertThat(agent.named("shop.consumer.join.group")).anySatisfy(line -> assertThat(line).contains("|c|#"));
        assertThat(agent.named("shop.kafka.producer.node.request.rate")).anySatisfy(line -> assertThat(line)
            .contains("|g|#", "client.id:billing", "node.id:node-", "kafka.client:producer-"));
      });
      assertThat(agent.lines()).allMatch(line -> line.startsWith("shop.") && line.contains("env:test"));
    }
  }

  @Test
  void defaultsAreRubyKafkasAndBadSettingsAreNamed() {
    assertThatThrownBy(() -> StatsdReporter.statsd().namespace("has space").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace").hasMessageContaining("has space");
    assertThatThrownBy(() -> StatsdReporter.statsd().port(0).build()).hasMessageContaining("port must be between 1 and 65535, was 0");
    assertThatThrownBy(() -> StatsdReporter.statsd().host(" ").build()).hasMessageContaining("host");
    assertThatThrownBy(() -> StatsdReporter.statsd().interval(Duration.ZERO).build()).hasMessageContaining("interval");
    assertThatThrownBy(() -> StatsdReporter.statsd().tag("env", "prod").build())
        .hasMessageContaining("tags [env] need the DogStatsD reporter");
    try (StatsdReporter reporter = StatsdReporter.statsd().build()) {
      reporter.registry().counter("gregor.app.started").increment();
      assertThat(reporter.registry().getMeters()).extracting(m -> m.getId().getName()).containsExactly("gregor.app.started");
    }
  }
}
