package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.committedTotal;
import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ShutdownConsumerMain.class.getName(),
        kafka.bootstrapServers(), topic, group)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("processed 4"));
      assertThat(line).as("the child consumed every message").isEqualTo("processed 4");
      // Nothing is committed yet: the interval is 10 s and the threshold off; only the graceful stop commits.

      child.destroy(); // SIGTERM
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    assertThat(committedTotal(admin, group)).isEqualTo(5);
    assertThat(admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members()).isEmpty();
  }
}
