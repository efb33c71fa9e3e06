package dev.gregor.client.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** ruby-kafka's pause and resume without a broker: until when a partition stays paused, and for how long next time. */
class PartitionPausesTest {
  private static final TopicPartition P0 = new TopicPartition("orders", 0);
  private static final TopicPartition P1 = new TopicPartition("orders", 1);
  private static final Duration HOUR = Duration.ofHours(1);

  private final PartitionPauses pauses = new PartitionPauses();

  @Test
  void aPauseWithoutTimeoutLastsUntilResumed() {
    assertThat(pauses.pause(P0, null, null)).isNull();

    assertThat(pauses.expired()).isEmpty();
    assertThat(pauses.isPaused(P0)).isTrue();

    pauses.resume(P0);
    assertThat(pauses.isPaused(P0)).isFalse();
    assertThat(pauses.paused()).isEmpty();
  }

  @Test
  void aPauseWhoseTimeIsUpExpiresOnceAndOnlyItself() {
    pauses.pause(P0, Duration.ZERO, null);
    pauses.pause(P1, HOUR, null);

    assertThat(pauses.expired()).containsExactly(P0);
    assertThat(pauses.expired()).isEmpty();
    assertThat(pauses.paused()).containsExactly(P1);
  }

  @Test
  void withoutMaximumEveryPauseLastsTheGivenTimeout() {
    assertThat(pauses.pause(P0, Duration.ofSeconds(2), null)).isEqualTo(Duration.ofSeconds(2));
    assertThat(pauses.pause(P0, Duration.ofSeconds(2), null)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void pausesInARowDoubleUpToTheMaximum() {
    Duration base = Duration.ofSeconds(1);
    Duration max = Duration.ofSeconds(5);

    assertThat(List.of(pauses.pause(P0, base, max), pauses.pause(P0, base, max), pauses.pause(P0, base, max),
        pauses.pause(P0, base, max))).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(5));
  }

  @Test
  void aProcessedMessageStartsTheBackoffFromTheBaseAgain() {
    Duration base = Duration.ofSeconds(1);
    pauses.pause(P0, base, HOUR);
    pauses.pause(P0, base, HOUR);

    pauses.processed(P0);
    assertThat(pauses.pause(P0, base, HOUR)).isEqualTo(base);
  }

  @Test
  void backoffIsCountedPerPartition() {
    Duration base = Duration.ofSeconds(1);
    pauses.pause(P0, base, HOUR);
    pauses.pause(P0, base, HOUR);

    assertThat(pauses.pause(P1, base, HOUR)).isEqualTo(base);
  }

  @Test
  void aPausedPartitionReportsHowLongItHasBeenPaused() {
    assertThat(pauses.pausedFor(P0)).isEqualTo(Duration.ZERO);
    pauses.pause(P0, null, null);

    await().atMost(Duration.ofSeconds(5)).until(() -> pauses.pausedFor(P0).compareTo(Duration.ZERO) > 0);
    pauses.resume(P0);
    assertThat(pauses.pausedFor(P0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void forgottenPartitionsLoseTheirPauseAndBackoff() {
    Duration base = Duration.ofSeconds(1);
    pauses.pause(P0, base, HOUR);
    pauses.pause(P0, base, HOUR);

    pauses.forget(List.of(P0));
    assertThat(pauses.isPaused(P0)).isFalse();
    assertThat(pauses.pause(P0, base, HOUR)).isEqualTo(base);
  }
}
