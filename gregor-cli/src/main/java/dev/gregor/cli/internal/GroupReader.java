package dev.gregor.cli.internal;

import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Event;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.TopicPartition;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads topics as a member of a consumer group through the consumer's event {@code poll},
 * committing what was printed: every few seconds, and at the end. A message that was not printed
 * (the count was reached) is not committed, so the next run with the same group starts exactly
 * after the last printed message. With {@code exitAtEnd} it ends once every partition assigned to
 * it has reported its end.
 */
public final class GroupReader implements MessageReader {
  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(200);

  private final GroupConsumer consumer;
  private final boolean exitAtEnd;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final Set<TopicPartition> atEnd = new HashSet<>();
  private boolean assignedOnce;
  private volatile boolean stopped;

  /** Joins {@code groupId}; where the group has no committed offset, starts at the beginning or the end. */
  public GroupReader(Gregor kafka, String groupId, List<String> topics, boolean fromBeginning, boolean exitAtEnd) {
    this.exitAtEnd = exitAtEnd;
    // Marked by hand, so that only printed messages count as processed.
    this.consumer = kafka.consumer(groupId, c -> c.automaticallyMarkAsProcessed(false).offsetCommitInterval(COMMIT_INTERVAL)
        .partitionEof(exitAtEnd));
    consumer.subscribe(fromBeginning, topics.toArray(new String[0]));
  }

  @Override
  public void run(MessageSink sink) {
    // Closing on this thread commits what was marked and leaves the group.
    try (consumer) {
      while (!stopped) {
        Event event = consumer.poll(POLL);
        if (event instanceof Message message) {
          atEnd.remove(new TopicPartition(message.topic(), message.partition()));
          if (sink.accept(message)) {
            consumer.markMessageAsProcessed(message);
          }
          if (!sink.wantsMore()) {
            return;
          }
        } else if (event instanceof Event.PartitionsAssigned assignment) {
          assigned.addAll(assignment.partitions());
          assignedOnce = true;
        } else if (event instanceof Event.PartitionsRevoked revocation) {
          assigned.removeAll(revocation.partitions());
          atEnd.removeAll(revocation.partitions());
        } else if (event instanceof Event.PartitionEof end) {
          atEnd.add(new TopicPartition(end.topic(), end.partition()));
        } else if (event instanceof Event.KafkaError error && !error.retriable()) {
          throw error.error();
        }
        if (exitAtEnd && assignedOnce && atEnd.containsAll(assigned)) {
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    stopped = true;
    consumer.stop();
  }
}
