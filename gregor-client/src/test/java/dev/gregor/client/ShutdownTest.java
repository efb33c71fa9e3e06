package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.committedTotal;
import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// ruby-kafka "Shutting Down a Consumer": trap("TERM") { consumer.stop } is built in.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ShutdownTest {

  @Test
  void sigtermCommitsWhatWasProcessedAndLeavesTheGroup(Gregor gregor, EmbeddedKafka kafka, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String group = topic + "-group";
    write(gregor, topic, 5);
    List<String> output = new CopyOnWriteArrayList<>();
    try (ChildJvm child = ChildJvm.builder(ShutdownConsumerMain.class).args(kafka.bootstrapServers(), topic, group)
        .onOutput(output::add).onError(line -> { }).start()) {
      await("the child consumed every message").atMost(Duration.ofMinutes(1))
          .until(() -> output.contains("processed 4") || !child.isAlive());
      assertThat(output).contains("processed 4");
      // Nothing is committed yet: the interval is 10 s and the threshold off; only the graceful stop commits.

      child.stop(); // SIGTERM
      assertThat(child.waitFor(Duration.ofSeconds(60))).isTrue();
    }

    assertThat(committedTotal(admin, group)).isEqualTo(5);
    assertThat(admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members()).isEmpty();
  }
}
