package dev.gregor.client;

import dev.gregor.client.internal.GroupConsumer;
import java.util.List;

/**
 * A consumer-group member (ruby-kafka's {@code kafka.consumer}): subscribe, then run
 * {@link #eachMessage} or {@link #eachBatch} on your thread until {@link #stop()}. A message is
 * committed only after its handler returned (or it was marked), and processed offsets are
 * committed before a rebalance gives its partition to another member.
 *
 * <pre>{@code
 * Consumer consumer = kafka.consumer("greeters");
 * consumer.subscribe("greetings");
 * consumer.eachMessage(message -> System.out.println(message.valueAsString()));
 * }</pre>
 */
public final class Consumer implements AutoCloseable {
  private final Config config;
  private final String groupId;
  private final ConsumerSettings settings;
  private GroupConsumer group;

  Consumer(Config config, String groupId, ConsumerSettings settings) {
    this.config = config;
    this.groupId = groupId;
    this.settings = settings;
  }

  /** Subscribes to topics, reading from the beginning where the group has no committed offset. */
  public void subscribe(String... topics) {
    subscribe(true, topics);
  }

  /** Subscribes to topics; {@code startFromBeginning} applies only where the group has committed nothing yet. */
  public synchronized void subscribe(boolean startFromBeginning, String... topics) {
    if (group != null) {
      throw new IllegalStateException("this Consumer is already subscribed; create another for another subscription");
    }
    group = new GroupConsumer(config, groupId, settings, startFromBeginning);
    group.subscribe(List.of(topics));
  }

  /** Runs {@code handler} for every message, on this thread, until {@link #stop()} or the handler throws. */
  public void eachMessage(MessageHandler handler) {
    subscribed().eachMessage(handler);
  }

  /** Runs {@code handler} for each partition's share of every poll, until {@link #stop()} or the handler throws. */
  public void eachBatch(BatchHandler handler) {
    subscribed().eachBatch(handler);
  }

  /** Marks {@code message} and all earlier ones in its partition as processed (with automatic marking off). */
  public void markMessageAsProcessed(Message message) {
    subscribed().mark(message);
  }

  /** Commits the processed offsets now and waits for the acknowledgement. */
  public void commitOffsets() {
    subscribed().commitOffsets();
  }

  /** Finishes the current message or batch, commits and leaves the group; safe from any thread. */
  public void stop() {
    GroupConsumer running;
    synchronized (this) {
      running = group;
    }
    if (running != null) {
      running.stop();
    }
  }

  /** Commits processed offsets and leaves the group, if {@link #eachMessage} has not already done so. */
  @Override
  public void close() {
    GroupConsumer running;
    synchronized (this) {
      running = group;
    }
    if (running != null) {
      running.close();
    }
  }

  private synchronized GroupConsumer subscribed() {
    if (group == null) {
      throw new IllegalStateException("subscribe to a topic before consuming");
    }
    return group;
  }
}
