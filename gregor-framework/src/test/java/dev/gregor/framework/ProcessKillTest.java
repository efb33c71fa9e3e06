package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

// Scaling out is more processes of one app in its groups on one cluster (seed: "Concurrency", "Deployment"): three
// app processes share a route, one is SIGKILLed mid-work, and every message is still performed, none committed
// unperformed.
@EmbeddedKafkaTest
class ProcessKillTest {

  @Test
  void threeAppProcessesOneKilledEveryMessagePerformedNoneCommittedUnperformed(EmbeddedKafka kafka, TestTopics topics,
      Admin admin) throws Exception {
    String input = topics.create(6);
    String performed = topics.create(1);
    String name = "killed-" + Integer.toHexString(input.hashCode());
    int total = 600;
    List<ChildJvm> processes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        List<String> output = new CopyOnWriteArrayList<>();
        ChildJvm process = ChildJvm.builder(AppProcessMain.class).jvmOptions("-Xmx256m")
            .args(kafka.bootstrapServers(), input, performed, name).onOutput(output::add).onError(line -> { }).start();
        processes.add(process);
        await("process " + i + " started").atMost(Duration.ofSeconds(60))
            .until(() -> output.stream().anyMatch(l -> l.startsWith("ready")) || !process.isAlive());
        assertThat(process.isAlive()).isTrue();
      }
      try (dev.gregor.client.Gregor gregor = dev.gregor.client.Gregor.connect(kafka.bootstrapServers())) {
        gregor.deliverMessages(IntStream.range(0, total / 2).mapToObj(i -> PendingMessage.of(input, "m" + i,
            Produce.partition(i % 6))).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> performedKeys(gregor, performed).size() >= total / 4);

        processes.get(0).kill(); // SIGKILL: no commit, no leaving the group
        gregor.deliverMessages(IntStream.range(total / 2, total).mapToObj(i -> PendingMessage.of(input, "m" + i,
            Produce.partition(i % 6))).toList());

        List<String> violations = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
          Map<TopicPartition, OffsetAndMetadata> committed = offsets(admin, name + "_" + input);
          Set<String> seen = performedKeys(gregor, performed); // read after the commits: performed ones are in it
          committed.forEach((partition, offset) -> {
            for (long o = 0; o < offset.offset(); o++) {
              if (!seen.contains(partition.partition() + "@" + o)) {
                violations.add(partition + " committed " + offset.offset() + " before " + o + " was performed");
              }
            }
          });
          return committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum() == total;
        });
        assertThat(violations).isEmpty();
        Set<String> done = performedKeys(gregor, performed);
        for (int p = 0; p < 6; p++) {
          for (long offset = 0; offset < total / 6; offset++) {
            assertThat(done).as("partition %d offset %d performed", p, offset).contains(p + "@" + offset);
          }
        }
      }
    } finally {
      for (ChildJvm process : processes) {
        process.stop();
      }
      for (ChildJvm process : processes) {
        process.waitFor(Duration.ofSeconds(60));
        process.close();
      }
    }
  }

  private static Set<String> performedKeys(dev.gregor.client.Gregor gregor, String topic) {
    Set<String> keys = new HashSet<>();
    for (Message message : Apps.read(gregor, topic)) {
      keys.add(message.keyAsString());
    }
    return keys;
  }

  private static Map<TopicPartition, OffsetAndMetadata> offsets(Admin admin, String group) throws Exception {
    return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
  }
}
