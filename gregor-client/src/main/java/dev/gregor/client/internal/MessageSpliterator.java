package dev.gregor.client.internal;

import dev.gregor.client.Event;
import dev.gregor.client.Message;
import java.util.Spliterator;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer's messages as a sequential {@code Stream}, pulled on the caller's thread: nothing is
 * fetched faster than the stream is consumed, and with automatic marking a message counts as
 * processed once the stream's action for it returned. The stream ends when the consumer stops.
 */
public final class MessageSpliterator implements Spliterator<Message> {
  private final GroupConsumer group;
  private final EventPoller poller;

  public MessageSpliterator(GroupConsumer group) {
    this.group = group;
    this.poller = new EventPoller(group, false);
  }

  @Override
  public boolean tryAdvance(Consumer<? super Message> action) {
    while (!group.stopRequested()) {
      Event event = poller.poll(GroupConsumer.POLL);
      if (event instanceof Event.KafkaError error && !error.retriable()) {
        group.close();
        throw error.error();
      }
      if (event instanceof Message message) {
        action.accept(message);
        if (group.settings().automaticallyMarkAsProcessed()) {
          group.mark(new TopicPartition(message.topic(), message.partition()), message.offset() + 1, 1);
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
