package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Issue 20 defect 10: the timeout given to shutdown bounds it, also with the broker down.
class AsyncProducerShutdownTest {

  @Test
  @Timeout(120) // a guard against hangs, not a timing assertion
  void shutdownWithTheBrokerDownReturnsWithinItsTimeoutListingWhatWasNotDelivered() {
    try (EmbeddedKafka own = EmbeddedKafka.builder().start()) {
      own.createTopic("down", 1, 1);
      // The delivery timeout (30 s) is far longer than the shutdown's 5 s.
      try (Gregor gregor = Gregor.connect(own.bootstrapServers())) {
        AsyncProducer producer = gregor.asyncProducer(a -> { });
        CompletableFuture<Delivered> before = producer.produce("down", "before");
        producer.deliverMessages();
        await().atMost(Duration.ofSeconds(30)).until(before::isDone);
        own.stop(own.nodeIds().get(0));

        CompletableFuture<Delivered> during = producer.produce("down", "during");
        producer.deliverMessages();
        long started = System.nanoTime();
        List<PendingMessage> undelivered = producer.shutdown(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(undelivered).singleElement().satisfies(m -> assertThat(m.topic()).isEqualTo("down"));
        assertThat(during).isCompletedExceptionally();
      }
    }
  }
}
