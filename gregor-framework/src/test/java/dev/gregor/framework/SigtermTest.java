package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

// Seed: "Receiving messages" (karafka server) — SIGTERM while work runs: the app finishes or hands back its work,
// commits only what was performed, and leaves the group.
@EmbeddedKafkaTest
class SigtermTest {

  @Test
  void sigtermDuringWorkCommitsOnlyWhatWasPerformedAndLeavesTheGroup(EmbeddedKafka kafka, TestTopics topics,
      Admin admin) throws Exception {
    String input = topics.create(2);
    String performed = topics.create(1);
    String name = "sigterm-" + Integer.toHexString(input.hashCode());
    String group = name + "_" + input;
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessages(IntStream.range(0, 2_000).mapToObj(i -> PendingMessage.of(input, "m" + i,
          Produce.partition(i % 2))).toList());
      List<String> output = new CopyOnWriteArrayList<>();
      try (ChildJvm app = ChildJvm.builder(AppProcessMain.class).jvmOptions("-Xmx256m")
          .args(kafka.bootstrapServers(), input, performed, name).onOutput(output::add).onError(line -> { }).start()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Apps.read(gregor, performed).size() >= 50 || !app.isAlive());
        app.stop(); // SIGTERM with work in progress: 2,000 messages at 5 ms each take far longer than this
        assertThat(app.waitFor(Duration.ofSeconds(60))).isTrue();
      }

      Set<String> done = new HashSet<>();
      for (Message message : Apps.read(gregor, performed)) {
        done.add(message.keyAsString());
      }
      long committed = 0;
      for (var entry : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
          .entrySet()) {
        OffsetAndMetadata offset = entry.getValue();
        committed += offset.offset();
        for (long o = 0; o < offset.offset(); o++) {
          assertThat(done).as("committed %s passes %d", entry.getKey(), o).contains(entry.getKey().partition() + "@" + o);
        }
      }
      assertThat(committed).isPositive().isLessThan(2_000);
      assertThat(admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members()).isEmpty();
    }
  }
}
