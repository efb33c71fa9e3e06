package dev.gregor.cli.internal;

import dev.gregor.client.Consumer;
import dev.gregor.client.Gregor;
import java.time.Duration;
import java.util.List;

/**
 * Reads topics as a member of a consumer group, committing what was printed: every few seconds,
 * and at the end. A message that was not printed (the count was reached) is not committed, so
 * the next run with the same group starts exactly after the last printed message.
 */
public final class GroupReader implements MessageReader {
  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

  private final Consumer consumer;

  /** Joins {@code groupId}; where the group has no committed offset, starts at the beginning or the end. */
  public GroupReader(Gregor kafka, String groupId, List<String> topics, boolean fromBeginning) {
    // Marked by hand, so that only printed messages count as processed.
    this.consumer = kafka.consumer(groupId, c -> c.automaticallyMarkAsProcessed(false).offsetCommitInterval(COMMIT_INTERVAL));
    consumer.subscribe(fromBeginning, topics.toArray(new String[0]));
  }

  @Override
  public void run(MessageSink sink) {
    try (consumer) {
      consumer.eachMessage(message -> {
        if (sink.accept(message)) {
          consumer.markMessageAsProcessed(message);
        }
        if (!sink.wantsMore()) {
          // Committed here, on the polling thread, before stop() wakes the consumer: a commit
          // after the wake-up would be cut short and the printed messages read again next time.
          consumer.commitOffsets();
          consumer.stop();
        }
      });
    }
  }

  @Override
  public void stop() {
    consumer.stop();
  }
}
