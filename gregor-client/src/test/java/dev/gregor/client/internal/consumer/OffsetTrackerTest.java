package dev.gregor.client.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.client.ConsumerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** ruby-kafka's checkpointing without a broker: what is marked, what is due and what is left to commit. */
class OffsetTrackerTest {
  private static final TopicPartition P0 = new TopicPartition("orders", 0);
  private static final TopicPartition P1 = new TopicPartition("orders", 1);

  private final AtomicLong now = new AtomicLong();

  private OffsetTracker tracker(int threshold, Duration interval) {
    return new OffsetTracker(ConsumerSettings.builder().offsetCommitThreshold(threshold).offsetCommitInterval(interval)
        .build(), now::get);
  }

  @Test
  void nothingIsUncommittedBeforeAMessageIsMarked() {
    assertThat(tracker(0, Duration.ZERO).uncommitted(null)).isEmpty();
  }

  @Test
  void theCommittedOffsetIsTheOneAfterTheHighestMarkedMessage() {
    OffsetTracker offsets = tracker(0, Duration.ZERO);
    offsets.mark(P0, 8, 1);
    offsets.mark(P0, 5, 1); // an earlier mark never moves the offset back

    assertThat(offsets.uncommitted(null)).containsExactly(Map.entry(P0, new OffsetAndMetadata(8)));
  }

  @Test
  void committedOffsetsAreNotOfferedAgainUntilANewerMark() {
    OffsetTracker offsets = tracker(0, Duration.ZERO);
    offsets.mark(P0, 3, 3);
    offsets.committed(offsets.uncommitted(null));
    assertThat(offsets.uncommitted(null)).isEmpty();

    offsets.mark(P0, 4, 1);
    assertThat(offsets.uncommitted(null)).containsExactly(Map.entry(P0, new OffsetAndMetadata(4)));
  }

  @Test
  void uncommittedCanBeAskedForSomePartitionsOnly() {
    OffsetTracker offsets = tracker(0, Duration.ZERO);
    offsets.mark(P0, 1, 1);
    offsets.mark(P1, 2, 1);

    assertThat(offsets.uncommitted(List.of(P1))).containsOnlyKeys(P1);
  }

  @Test
  void aCommitIsDueOnceTheThresholdOfMarkedMessagesIsReached() {
    OffsetTracker offsets = tracker(3, Duration.ZERO);
    offsets.mark(P0, 2, 2);
    assertThat(offsets.commitDue()).isFalse();

    offsets.mark(P1, 1, 1);
    assertThat(offsets.commitDue()).isTrue();

    offsets.committed(offsets.uncommitted(null));
    assertThat(offsets.commitDue()).as("a commit starts the count again").isFalse();
  }

  @Test
  void aCommitIsDueOnceTheIntervalHasPassedSinceTheLastOne() {
    OffsetTracker offsets = tracker(0, Duration.ofSeconds(10));
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(offsets.commitDue()).isFalse();

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(offsets.commitDue()).isTrue();

    offsets.committed(Map.of());
    assertThat(offsets.commitDue()).as("a commit starts the interval again").isFalse();
  }

  @Test
  void neitherThresholdNorIntervalMeansNoCommitIsEverDue() {
    OffsetTracker offsets = tracker(0, Duration.ZERO);
    offsets.mark(P0, 1_000, 1_000);
    now.addAndGet(Duration.ofDays(1).toNanos());

    assertThat(offsets.commitDue()).isFalse();
  }

  @Test
  void forgottenPartitionsAreNeitherMarkedNorCommitted() {
    OffsetTracker offsets = tracker(0, Duration.ZERO);
    offsets.mark(P0, 4, 1);
    offsets.mark(P1, 6, 1);
    offsets.committed(offsets.uncommitted(List.of(P1)));

    offsets.forget(List.of(P0, P1));
    assertThat(offsets.uncommitted(null)).isEmpty();

    offsets.mark(P1, 6, 1); // taken back later: the old commit is no longer assumed
    assertThat(offsets.uncommitted(null)).containsExactly(Map.entry(P1, new OffsetAndMetadata(6)));
  }
}
