package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

// Issue 5, "Bad input and faults": a broker restarted mid-consumption loses nothing.
class BrokerRestartTest {

  @Test
  void aGroupConsumerReadsOnAfterItsBrokerRestartsWithoutLosingOrRepeatingMessages() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().start();
         Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      kafka.createTopic("restarts", 2, 1);
      Set<String> seen = ConcurrentHashMap.newKeySet();
      Set<String> twice = ConcurrentHashMap.newKeySet();
      GroupConsumer consumer = gregor.consumer("restarts-group", c -> c.offsetCommitThreshold(1).stopOnShutdown(false));
      consumer.subscribe("restarts");
      Thread polling = new Thread(() -> consumer.eachMessage(message -> {
        if (!seen.add(message.partition() + "@" + message.offset())) {
          twice.add(message.partition() + "@" + message.offset());
        }
      }));
      polling.start();
      write(gregor, "restarts", 10);
      await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == 10);

      int node = kafka.nodeIds().get(0);
      kafka.stop(node);
      kafka.restart(node);
      write(gregor, "restarts", 10);
      await().atMost(Duration.ofSeconds(90)).until(() -> seen.size() == 20);
      consumer.stop();
      polling.join(30_000);

      assertThat(polling.isAlive()).isFalse();
      assertThat(twice).isEmpty();
    }
  }
}
