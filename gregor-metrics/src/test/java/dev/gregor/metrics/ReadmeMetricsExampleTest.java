package dev.gregor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "Metrics" example, with the agent's port pointed at a listener in the test. */
@EmbeddedKafkaTest
class ReadmeMetricsExampleTest {
  @Test
  void theReadmeExampleFeedsPrometheusAndDogStatsd(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    PrometheusMeterRegistry prometheusRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (UdpListener agent = new UdpListener();
        Gregor gregor = Gregor.connect(kafka.bootstrapServers());
        GregorMetrics metrics = GregorMetrics.of(gregor);
        StatsdReporter datadog = StatsdReporter.datadog().tag("env", "prod").port(agent.port())
            .interval(Duration.ofMillis(250)).build().report(gregor)) {
      metrics.bindTo(prometheusRegistry);

      RoundTrip.run(gregor, topic);
      gregor.deliverMessage(topic, "through the client's own producer, open until the client closes");

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(prometheusRegistry.scrape()).contains("gregor_producer_deliver_latency_seconds_count", "gregor_consumer_lag{",
            "kafka_producer_record_send_total{");
        assertThat(agent.lines()).anySatisfy(line -> assertThat(line).startsWith("gregor.producer.deliver.latency:")
            .contains("|ms|#", "env:prod"));
      });
    }
  }
}
