package dev.gregor.client.internal.consumer;

import dev.gregor.client.Event;
import dev.gregor.client.Message;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * A consumer's messages as a sequential {@code Stream}, pulled on the caller's thread: nothing is
 * fetched faster than the stream is consumed, and with automatic marking a message counts as
 * processed once the stream's action for it returned. The stream ends when the consumer stops.
 */
public final class MessageSpliterator implements Spliterator<Message> {
  private final PolledMember group;
  private final EventPoller poller;
  private final MarkRun marks;

  public MessageSpliterator(PolledMember group) {
    this.group = group;
    this.poller = new EventPoller(group, false);
    this.marks = group.settings().automaticallyMarkAsProcessed() ? new MarkRun(group) : null;
  }

  @Override
  public boolean tryAdvance(Consumer<? super Message> action) {
    while (!group.stopRequested()) {
      Event event = poller.poll(GroupMember.POLL);
      if (event instanceof Event.KafkaError error && !error.retriable()) {
        group.close();
        throw error.error();
      }
      if (event instanceof Message message) {
        try {
          action.accept(message);
        } catch (RuntimeException e) { // as eachMessage's stop policy: commit what was processed, leave, say where
          group.close();
          throw HandlerCall.failed(e, group.groupId(), message.topic(), message.partition(), message.offset(),
              message.offset());
        }
        if (marks != null) {
          marks.add(message);
        }
        return true;
      }
    }
    group.close();
    return false;
  }

  @Override
  public Spliterator<Message> trySplit() {
    return null; // one member reads its partitions in order; parallelism comes from more members
  }

  @Override
  public long estimateSize() {
    return Long.MAX_VALUE;
  }

  @Override
  public int characteristics() {
    return ORDERED | NONNULL;
  }
}
