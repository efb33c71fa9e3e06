package dev.gregor.client;

import dev.gregor.client.internal.consumer.ConsumerEvents;
import dev.gregor.client.internal.consumer.EventChannel;
import dev.gregor.client.internal.consumer.EventPoller;
import dev.gregor.client.internal.consumer.GroupMember;
import dev.gregor.client.internal.consumer.HandlerLoop;
import dev.gregor.client.internal.consumer.MessagePublisher;
import dev.gregor.client.internal.consumer.MessageSpliterator;
import dev.gregor.client.internal.consumer.Subscriptions;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.lifecycle.ClientScope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer-group member (ruby-kafka's {@code kafka.consumer}): subscribe, then consume in one
 * of five styles — {@link #eachMessage}, {@link #eachBatch}, {@link #poll} events, an
 * {@link #events} queue, a {@link #stream()} or a {@link #publisher()}. A message is committed
 * only after it was processed, and processed offsets are committed before a rebalance gives its
 * partition away. The thread that consumes owns the member; {@link #stop()}, {@link #lag()} and
 * the pause, seek and mark calls are safe from any thread (they run at the owner's next poll).
 *
 * <pre>{@code
 * GroupConsumer consumer = kafka.consumer("greeters");
 * consumer.subscribe("greetings");
 * consumer.eachMessage(message -> System.out.println(message.valueAsString()));
 * }</pre>
 */
public final class GroupConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupConsumer.class);
  private final Config config;
  private final String groupId;
  private final ConsumerSettings settings;
  private final Subscriptions subscriptions = new Subscriptions();
  private final ConsumerEvents events;
  private final ClientScope scope;
  private @Nullable GroupMember group;
  private volatile @Nullable EventPoller poller;
  private boolean stopRequested;
  private Consumer<List<TopicPartition>> beforeRevoke = revoked -> { };

  GroupConsumer(Config config, String groupId, ConsumerSettings settings, NotificationBus bus, ClientScope scope) {
    this.config = config;
    this.events = new ConsumerEvents(bus, groupId);
    this.groupId = groupId;
    this.settings = settings;
    this.scope = scope;
    scope.add(new ClientScope.Part(ClientScope.Kind.READER, this::stop, this::closeFromClient, this::isClosed));
  }

  /** Subscribes to topics, reading from the beginning where the group has no committed offset. */
  public void subscribe(String... topics) {
    subscribe(true, topics);
  }

  /** Subscribes to topics; {@code startFromBeginning} applies only where the group has committed nothing yet. */
  public synchronized void subscribe(boolean startFromBeginning, String... topics) {
    requireNotStarted();
    subscriptions.add(List.of(topics), startFromBeginning);
  }

  /** Subscribes to every topic matching {@code pattern}, now and as topics are created. */
  public synchronized void subscribe(Pattern pattern, boolean startFromBeginning) {
    requireNotStarted();
    subscriptions.add(pattern, startFromBeginning);
  }

  /**
   * Runs {@code hook} on the consuming thread when partitions are about to be given to another member in an orderly
   * rebalance, before what was processed in them is committed: messages it marks processed are committed too. Not
   * called for partitions lost without a rebalance (nothing may be committed then). Set it before consuming.
   */
  public synchronized void beforeRevoke(Consumer<List<TopicPartition>> hook) {
    requireNotStarted();
    this.beforeRevoke = Objects.requireNonNull(hook, "hook");
  }

  /**
   * Runs {@code handler} for every message, on this thread, until {@link #stop()} or the error policy stops it
   * with {@link ProcessingFailed}.
   */
  public void eachMessage(MessageHandler handler) {
    new HandlerLoop(start()).eachMessage(Objects.requireNonNull(handler, "handler"));
  }

  /** Runs {@code handler} for each partition's share of every poll, until {@link #stop()} or the error policy stops it. */
  public void eachBatch(BatchHandler handler) {
    new HandlerLoop(start()).eachBatch(Objects.requireNonNull(handler, "handler"));
  }

  /**
   * The next event, waiting up to {@code timeout}; null when none came or the consumer stopped
   * (then it has committed and left the group). With automatic marking, a message counts as
   * processed when this is called again.
   */
  public Event poll(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    EventPoller ready = poller; // no lock per event once polling: poll is called once per message
    if (ready == null || ready.memberClosed()) {
      ready = startPolling();
    }
    return ready.poll(timeout);
  }

  private synchronized EventPoller startPolling() {
    GroupMember running = start(); // throws once this consumer has stopped
    if (poller == null) {
      poller = new EventPoller(running, settings.automaticallyMarkAsProcessed());
    }
    return poller;
  }

  /**
   * Polls on a background thread into a queue of at most {@code capacity} events; while it is
   * full, fetching pauses. Needs {@code automaticallyMarkAsProcessed(false)}: mark each message
   * with {@link #markMessageAsProcessed} once it is really processed, from any thread.
   */
  public BlockingQueue<Event> events(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    if (settings.automaticallyMarkAsProcessed()) {
      throw new IllegalStateException("events(capacity) needs automaticallyMarkAsProcessed(false): Gregor cannot tell "
          + "when a message taken from a queue is processed; mark it with markMessageAsProcessed");
    }
    return EventChannel.start(start(), capacity, groupId);
  }

  /** The messages as a sequential stream pulled on the calling thread; it ends after {@link #stop()}. */
  public Stream<Message> stream() {
    GroupMember running = start();
    return StreamSupport.stream(new MessageSpliterator(running), false).onClose(this::close);
  }

  /** The messages for one {@link Flow.Subscriber}, fetched only as fast as it requests them. */
  public Flow.Publisher<Message> publisher() {
    return new MessagePublisher(start(), groupId);
  }

  /**
   * Marks {@code message} and all earlier ones in its partition as processed (with automatic marking off);
   * {@link IllegalStateException} for a message of a partition never assigned to this member.
   */
  public void markMessageAsProcessed(Message message) {
    GroupMember running = started();
    running.markFromAnyThread(message);
  }

  /** Commits the processed offsets now and waits for the acknowledgement. */
  public void commitOffsets() {
    started().commitOffsets();
  }

  /** Stops fetching {@code partition} until {@link #resume}; {@link IllegalStateException} if it is not assigned here. */
  public void pause(String topic, int partition) {
    started().pauseFromAnyThread(topic, partition, null, null);
  }

  /** Stops fetching {@code partition} for {@code timeout}, then resumes by itself. */
  public void pause(String topic, int partition, Duration timeout) {
    if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or more, was " + timeout);
    }
    started().pauseFromAnyThread(topic, partition, timeout, null);
  }

  /**
   * Pauses with exponential backoff: each pause in a row waits twice as long as the one before,
   * from {@code timeout} up to {@code maxTimeout}, until a message of the partition is processed.
   */
  public void pause(String topic, int partition, Duration timeout, Duration maxTimeout) {
    if (timeout == null || timeout.isNegative() || maxTimeout == null || maxTimeout.compareTo(timeout) < 0) {
      throw new IllegalArgumentException("timeout must be zero or more and maxTimeout at least timeout, were "
          + timeout + " and " + maxTimeout);
    }
    started().pauseFromAnyThread(topic, partition, timeout, maxTimeout);
  }

  /** Fetches the partition again; any thread may call it. */
  public void resume(String topic, int partition) {
    started().resumeFromAnyThread(topic, partition);
  }

  /** Whether the partition is paused by the application. */
  public boolean isPaused(String topic, int partition) {
    return started().isPaused(topic, partition);
  }

  /**
   * Reads {@code partition} from {@code offset} on; a handler's seek on its own partition drops the rest of that poll.
   * An offset the partition does not hold is moved by the group's reset policy at the next fetch (logged at WARN).
   */
  public void seek(String topic, int partition, long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    }
    started().seekFromAnyThread(topic, partition, offset);
  }

  /** Messages in each assigned partition not yet read by this member, where known. */
  public Map<TopicPartition, Long> lag() {
    return started().lag();
  }

  /** Finishes the current message or batch, commits and leaves the group; safe from any thread. */
  public void stop() {
    GroupMember running;
    synchronized (this) {
      stopRequested = true;
      running = group;
    }
    if (running != null) {
      running.stop();
    }
  }

  /**
   * Commits processed offsets and leaves the group; from another thread, stops the consumer and
   * waits for that. Closing the {@link Gregor} client that created it does the same.
   */
  @Override
  public void close() {
    GroupMember running;
    synchronized (this) {
      running = group;
    }
    if (running != null) {
      running.closeFromAnyThread();
    }
  }

  private void closeFromClient(Duration timeout) {
    GroupMember running;
    synchronized (this) {
      running = group;
    }
    if (running != null && !running.closeFromAnyThread(timeout)) {
      LOG.warn("Consumer of group '{}' did not stop within {}; it commits and leaves the group once its handler "
          + "returns or its thread polls again", groupId, timeout);
    }
  }

  private synchronized boolean isClosed() {
    return group == null ? stopRequested : group.isClosed();
  }

  private synchronized GroupMember start() {
    if (group == null) {
      scope.requireOpen();
      if (subscriptions.isEmpty()) {
        throw new IllegalStateException("subscribe to a topic before consuming");
      }
      group = new GroupMember(config, groupId, settings, subscriptions, events);
      group.beforeRevoke(beforeRevoke);
      if (stopRequested) {
        group.stop();
      }
    } else if (group.isClosed()) {
      scope.requireOpen();
      throw new IllegalStateException("this GroupConsumer has stopped; create a new one to consume again");
    }
    // A member the client's close stopped, but whose thread was not polling, closes at this call.
    return group;
  }

  private synchronized GroupMember started() {
    if (group == null || group.isClosed()) {
      scope.requireOpen();
    }
    if (group == null) {
      throw new IllegalStateException("this GroupConsumer is not consuming yet: subscribe, then start eachMessage, poll, "
          + "events, stream or publisher");
    }
    return group;
  }

  private void requireNotStarted() {
    scope.requireOpen();
    if (group != null) {
      throw new IllegalStateException("subscribe before consuming starts; create another GroupConsumer for more topics");
    }
  }
}
