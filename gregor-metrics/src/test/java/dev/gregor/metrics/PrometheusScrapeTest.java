package dev.gregor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Config;
import dev.gregor.client.Gregor;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

// ruby-kafka: "Monitoring" — the binder with Micrometer's Prometheus registry, scraped as Prometheus would.
@EmbeddedKafkaTest
class PrometheusScrapeTest {
  @Test
  void aScrapeAfterARoundTripShowsProducerConsumerAndKafkaClientsMetrics(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<String> refused = new ArrayList<>();
    registry.config().onMeterRegistrationFailed((id, reason) -> refused.add(id.getName() + ": " + reason));
    try (Gregor gregor = Gregor.connect(Config.builder().seedBrokers(kafka.bootstrapServers()).clientId("billing").build());
        GregorMetrics metrics = GregorMetrics.of(gregor)) {
      metrics.bindTo(registry);

      RoundTrip.run(gregor, topic);
      gregor.deliverMessage(topic, "from the client's own producer, open until the client closes");
      assertThat(gregor.partitionsFor(topic)).isEqualTo(1); // opens the client's admin, which stays open too

      String group = topic + "-group";
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(registry.scrape())
          .contains("gregor_producer_deliver_messages_total{client=\"billing\"} 3.0")
          .contains("gregor_producer_ack_messages_total{client=\"billing\",topic=\"" + topic + "\"} 3.0")
          .contains("gregor_producer_deliver_latency_seconds_count{client=\"billing\"} 2")
          .contains("gregor_consumer_messages_total{client=\"billing\",group_id=\"" + group + "\",topic=\"" + topic + "\"} 2.0")
          .contains("gregor_consumer_process_message_latency_seconds_count{client=\"billing\",group_id=\"" + group
              + "\",topic=\"" + topic + "\"} 2")
          .contains("gregor_consumer_lag{client=\"billing\",group_id=\"" + group + "\",partition=\"0\",topic=\"" + topic + "\"} 0.0")
          .contains("gregor_consumer_join_group_total{client=\"billing\",group_id=\"" + group + "\"} 1.0")
          .contains("gregor_consumer_leave_group_total{client=\"billing\",group_id=\"" + group + "\"} 1.0")
          .containsPattern("kafka_producer_record_send_total\\{client_id=\"billing\",kafka_client=\"producer-\\d\"} 1.0")
          .containsPattern("kafka_producer_node_request_latency_avg\\{client_id=\"billing\",kafka_client=\"producer-\\d\",node_id=\"node-\\d\"}")
          .containsPattern("kafka_admin_client_node_request_total\\{client_id=\"billing\",kafka_client=\"admin-\\d\",node_id=\"node-"));
      assertThat(refused).as("meters Prometheus refused").isEmpty();
    }
  }
}
