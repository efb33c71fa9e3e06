package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's instrumentation example, line for line except the address and where it prints. */
@EmbeddedKafkaTest
class ReadmeInstrumentationTest {

  @Test
  void theReadmeExamplePrintsEveryEventOfARoundTrip(EmbeddedKafka embedded) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    PrintStream original = System.out;
    System.setOut(out);
    try {
      try (Gregor kafka = Gregor.connect(embedded.bootstrapServers())) {
        kafka.notifications().subscribe("*", n -> System.out.println(n.name() + " " + n.payload()));
        kafka.notifications().subscribeSpans("deliver_messages.producer",
            n -> System.out.println(n.spanName() + " " + n.duration().toMillis() + " ms"));   // gregor.produce.stop 3 ms

        kafka.deliverMessage("audit", "logged in");
        GroupConsumer consumer = kafka.consumer("auditors");
        consumer.subscribe("audit");
        consumer.eachMessage(message -> consumer.stop());
        await().atMost(Duration.ofSeconds(10)).until(() -> printed.toString(StandardCharsets.UTF_8).contains("leave_group"));
      }
    } finally {
      System.setOut(original);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("deliver_messages.producer", "ack_message.producer",
        "gregor.produce.start", "gregor.produce.stop", "start_process_message.consumer", "process_message.consumer",
        "join_group.consumer", "sync_group.consumer", "commit_offsets.consumer", "leave_group.consumer");
  }
}
