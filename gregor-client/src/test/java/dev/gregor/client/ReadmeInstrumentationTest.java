package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's instrumentation example, line for line except the address, the topic and group
 * (fresh per run) and where it prints: to a stream of the test's own, not a swapped System.out.
 */
@EmbeddedKafkaTest
class ReadmeInstrumentationTest {

  @Test
  void theReadmeExamplePrintsEveryEventOfARoundTrip(EmbeddedKafka embedded, TestTopics topics) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    String audit = topics.next();
    try (Gregor kafka = Gregor.connect(embedded.bootstrapServers())) {
      kafka.notifications().subscribe("*", n -> out.println(n.name() + " " + n.payload()));
      kafka.notifications().subscribeSpans("deliver_messages.producer",
          n -> out.println(n.spanName() + " " + n.duration().toMillis() + " ms"));   // gregor.produce.stop 3 ms

      kafka.deliverMessage(audit, "logged in");
      GroupConsumer consumer = kafka.consumer("auditors-" + audit);
      consumer.subscribe(audit);
      consumer.eachMessage(message -> consumer.stop());
      await().atMost(Duration.ofSeconds(10)).until(() -> printed.toString(StandardCharsets.UTF_8).contains("leave_group"));
    }

    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("deliver_messages.producer", "ack_message.producer",
        "gregor.produce.start", "gregor.produce.stop", "start_process_message.consumer", "process_message.consumer",
        "join_group.consumer", "sync_group.consumer", "commit_offsets.consumer", "leave_group.consumer");
  }
}
