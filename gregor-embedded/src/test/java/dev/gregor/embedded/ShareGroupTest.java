package dev.gregor.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** KIP-932 queues: the embedded broker runs the share coordinator, so a share consumer gets records. */
@EmbeddedKafkaTest
class ShareGroupTest {

  @Test
  void shareConsumerReceivesRecordsFromTheStartOfTheTopic(EmbeddedKafka kafka, Admin admin, TestTopics topics)
      throws Exception {
    String topic = topics.create(2);
    String group = topic + "-queue";
    admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
        new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
        .all().get(30, TimeUnit.SECONDS);
    for (int i = 0; i < 5; i++) {
      RoundTrip.produce(kafka.clientConfig(), topic, "job-" + i);
    }

    List<String> received = new ArrayList<>();
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put("group.id", group);
    try (KafkaShareConsumer<String, String> consumer =
             new KafkaShareConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received.size() < 5 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          received.add(record.value());
        }
        consumer.commitSync();
      }
    }

    assertThat(received).containsExactlyInAnyOrder("job-0", "job-1", "job-2", "job-3", "job-4");
  }
}
