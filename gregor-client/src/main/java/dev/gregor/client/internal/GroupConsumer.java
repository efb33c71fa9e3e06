package dev.gregor.client.internal;

import dev.gregor.client.Config;
import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.GregorException;
import dev.gregor.client.Message;
import dev.gregor.client.UnknownTopic;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group, owned by the thread that polls it: polls, commits only what
 * was marked processed, commits before a rebalance takes partitions away, and applies pauses and
 * seeks. The loops over it ({@link HandlerLoop}, {@link EventPoller}) decide what a poll means.
 */
public final class GroupConsumer implements ShutdownStop.Stoppable {
  static final Duration POLL = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(GroupConsumer.class);

  private final String groupId;
  private final ConsumerSettings settings;
  private final Config config;
  private final Subscriptions subscriptions;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final OffsetTracker offsets;
  private final Rebalances rebalances;
  final ConsumerEvents events;
  private final HeartbeatCount heartbeats;
  private final RequestStats requestStats;
  private final LagSnapshot lagSnapshot;
  final PartitionPauses pauses = new PartitionPauses();
  final RetryAttempts attempts = new RetryAttempts();
  final OwnerThread owner = new OwnerThread("Consumer");
  final OwnerCommands commands = new OwnerCommands(owner);
  private final Set<TopicPartition> disrupted = new HashSet<>();
  private final Set<TopicPartition> seeked = new HashSet<>();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private ShutdownStop shutdownStop;
  private Runnable flushMarks = () -> { };
  private boolean backpressured;
  private volatile boolean stopRequested;
  private boolean started;
  private boolean closed;

  public GroupConsumer(Config config, String groupId, ConsumerSettings settings, Subscriptions subscriptions,
      ConsumerEvents events) {
    this.config = config;
    this.events = events;
    this.groupId = groupId;
    this.settings = settings;
    this.subscriptions = subscriptions;
    this.offsets = new OffsetTracker(settings);
    this.consumer = new KafkaConsumer<>(ConsumerProperties.group(config, groupId, settings, subscriptions.commonStart()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.rebalances = new Rebalances(consumer, subscriptions, revoked -> commitUnlessDropped(offsets.uncommitted(revoked)), events);
    this.heartbeats = new HeartbeatCount(consumer);
    this.requestStats = new RequestStats(events.bus(), consumer::metrics);
    this.lagSnapshot = new LagSnapshot(consumer, rebalances.assigned());
    rebalances.onGone(gone -> {
      offsets.forget(gone);
      pauses.forget(gone);
      attempts.forget(gone);
    });
  }

  /** Binds the calling thread as the poller, checks the topics exist and joins the group; once. */
  void start(boolean eventMode) {
    owner.check();
    if (started) {
      return;
    }
    started = true;
    if (eventMode) {
      rebalances.recordEvents();
    }
    Map<String, String> missing;
    try {
      missing = subscriptions.missing(consumer.listTopics(config.connectTimeout()).keySet());
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      close();
      throw new GregorException("Cannot subscribe group '" + groupId + "' to " + subscriptions + ": the cluster did not "
          + "answer within connectTimeout (" + config.connectTimeout().toMillis() + " ms); is it running?", e);
    }
    if (!missing.isEmpty()) {
      close();
      throw new UnknownTopic("Cannot subscribe group '" + groupId + "': " + missing.entrySet().stream()
          .map(e -> "topic '" + e.getKey() + "' does not exist" + (e.getValue() == null ? "" : " (did you mean '" + e.getValue() + "'?)"))
          .collect(Collectors.joining("; ")), null);
    }
    if (subscriptions.hasPatterns()) {
      consumer.subscribe(subscriptions.combined(), rebalances);
    } else {
      consumer.subscribe(subscriptions.topics(), rebalances);
    }
    if (settings.stopOnShutdown()) {
      shutdownStop = new ShutdownStop(groupId, this, settings.shutdownTimeout());
    }
  }

  /** Registers what holds marks not yet given to {@link #mark}, to flush before they are committed. */
  void flushMarksWith(Runnable flush) {
    this.flushMarks = flush;
  }

  /** One step of the loop: queued commands, ended pauses, due commits, then a poll; empty once stop was asked. */
  ConsumerRecords<byte[], byte[]> pollOnce(Duration timeout) {
    try {
      commands.runQueued();
      flushMarks.run();
      for (TopicPartition expired : pauses.expired()) {
        resumeIfOwned(expired);
      }
      if (offsets.commitDue()) {
        commitUnlessDropped(offsets.uncommitted(null));
      }
      disrupted.clear();
      seeked.clear();
      ConsumerRecords<byte[], byte[]> records = stopRequested ? ConsumerRecords.empty() : consumer.poll(timeout);
      lagSnapshot.refreshEverySecond();
      reportStatus();
      return records;
    } catch (WakeupException woken) {
      return ConsumerRecords.empty(); // stop() from another thread
    }
  }

  void mark(TopicPartition partition, long nextOffset, int count) {
    if (rebalances.owns(partition)) { // a partition given away meanwhile is its new owner's to commit
      offsets.mark(partition, nextOffset, count);
    }
  }

  public void markFromAnyThread(Message message) {
    TopicPartition partition = new TopicPartition(message.topic(), message.partition());
    commands.run("markMessageAsProcessed(" + message + ")", () -> mark(partition, message.offset() + 1, 1));
  }

  public void pauseFromAnyThread(String topic, int partition, Duration timeout, Duration maxTimeout) {
    TopicPartition tp = new TopicPartition(topic, partition);
    commands.run("pause(" + tp + ")", () -> pause(tp, timeout, maxTimeout));
  }

  public void resumeFromAnyThread(String topic, int partition) {
    TopicPartition tp = new TopicPartition(topic, partition);
    commands.run("resume(" + tp + ")", () -> resume(tp));
  }

  public boolean isPaused(String topic, int partition) {
    return pauses.isPaused(new TopicPartition(topic, partition));
  }

  public void seekFromAnyThread(String topic, int partition, long offset) {
    TopicPartition tp = new TopicPartition(topic, partition);
    commands.run("seek(" + tp + ", " + offset + ")", () -> seek(tp, offset));
  }

  public void commitOffsets() {
    commands.runAndWait("commitOffsets", () -> {
      flushMarks.run();
      commit(offsets.uncommitted(null));
    }, settings.rebalanceTimeout());
  }

  /**
   * Commits, unless the group dropped this member (it was too slow for the rebalance timeout, or
   * cut off by the network) or the commit timed out: then the offsets stay uncommitted — another
   * owner reads that tail again, or a later commit covers it — and the loop goes on; the next
   * poll rejoins the group if needed. Ending the loop here would turn a network blip into an outage.
   */
  private void commitUnlessDropped(Map<TopicPartition, OffsetAndMetadata> uncommitted) {
    try {
      commit(uncommitted);
    } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
      LOG.warn("Group '{}' did not accept the commit of {} ({}: {}); the offsets stay uncommitted and the member goes on",
          groupId, uncommitted, e.getClass().getSimpleName(), e.getMessage());
    }
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> uncommitted) {
    if (!uncommitted.isEmpty()) {
      Span span = events.committing(uncommitted.size());
      try {
        commitSync(uncommitted);
      } catch (RuntimeException e) {
        span.fail(e);
        throw e;
      }
      span.stop();
    }
    offsets.committed(uncommitted);
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException woken) {
      if (!stopRequested) {
        throw woken;
      }
      consumer.commitSync(offsets); // stop() woke the consumer; that wakeup is used up now, and the commit must still happen
    }
  }

  /** Derived notifications: heartbeats from kafka-clients' heartbeat count, and the pauses still running. */
  private void reportStatus() {
    if (events.wantsHeartbeats() && heartbeats.increased()) {
      events.heartbeat(rebalances.assigned());
    }
    requestStats.reportIfDue();
    if (events.wantsPauseStatus()) {
      pauses.paused().forEach(partition -> events.pauseStatus(partition, pauses.pausedFor(partition)));
    }
  }

  void pause(TopicPartition partition, Duration timeout, Duration maxTimeout) {
    requireOwned(partition);
    pauses.pause(partition, timeout, maxTimeout);
    consumer.pause(Set.of(partition));
    disrupted.add(partition);
  }

  void resume(TopicPartition partition) {
    pauses.resume(partition);
    resumeIfOwned(partition);
  }

  private void resumeIfOwned(TopicPartition partition) {
    if (rebalances.owns(partition) && !backpressured && !rebalances.isHeld(partition)) {
      consumer.resume(Set.of(partition));
    }
  }

  void seek(TopicPartition partition, long offset) {
    requireOwned(partition);
    consumer.seek(partition, offset);
    events.sought(partition, offset);
    disrupted.add(partition);
    seeked.add(partition);
  }

  /**
   * A handler paused its own partition without moving it: the records polled after {@code next}
   * are not handled now, so the position goes back to them for when the partition resumes.
   */
  void keepPositionAfter(TopicPartition partition, long next) {
    if (pauses.isPaused(partition) && !seeked.contains(partition) && rebalances.owns(partition)) {
      consumer.seek(partition, next);
    }
  }

  /** The policy's retry: the partition pauses for {@code wait}, then reads again from the failed offset. */
  void retryLater(TopicPartition partition, long offset, Duration wait) {
    pauses.pause(partition, wait, null);
    consumer.pause(Set.of(partition));
    consumer.seek(partition, offset);
  }

  private void requireOwned(TopicPartition partition) {
    if (!rebalances.owns(partition)) {
      throw new IllegalStateException("Partition " + partition.partition() + " of topic '" + partition.topic()
          + "' is not assigned to this member of group '" + groupId + "'; it has " + rebalances.assigned());
    }
  }

  /** Whether a handler paused or moved {@code partition}, so the rest of its polled records must wait. */
  boolean disrupted(TopicPartition partition) {
    return !disrupted.isEmpty() && disrupted.contains(partition);
  }

  /** The application has seen the newest assignment: fetch its partitions from now on. */
  void releaseHeldPartitions() {
    rebalances.releaseHeld().forEach(this::resumeIfNotPaused);
  }

  private void resumeIfNotPaused(TopicPartition partition) {
    if (!pauses.isPaused(partition)) {
      resumeIfOwned(partition);
    }
  }

  /** While the application is not taking messages, every partition is paused and polling only keeps the membership. */
  void backpressure(boolean on) {
    if (on == backpressured) {
      return;
    }
    backpressured = on;
    if (on) {
      consumer.pause(rebalances.assigned());
    } else {
      Set.copyOf(rebalances.assigned()).forEach(this::resumeIfNotPaused);
    }
  }

  Rebalances rebalances() {
    return rebalances;
  }

  ConsumerSettings settings() {
    return settings;
  }

  long lag(TopicPartition partition) {
    return consumer.currentLag(partition).orElse(-1);
  }

  /** The partition's end as of the last fetch: position plus lag. */
  long highWatermark(TopicPartition partition) {
    return position(partition) + Math.max(0, lag(partition));
  }

  long position(TopicPartition partition) {
    return consumer.position(partition, config.connectTimeout());
  }

  /** Lag per assigned partition where known; exact on the polling thread, at most a second old elsewhere. */
  public Map<dev.gregor.client.TopicPartition, Long> lag() {
    return owner.isCurrent() ? lagSnapshot.current() : lagSnapshot.latest();
  }

  boolean stopRequested() {
    return stopRequested;
  }

  /** Asks the poller to finish the current message or batch, commit and leave the group; any thread may call it. */
  @Override
  public void stop() {
    stopRequested = true;
    consumer.wakeup();
  }

  @Override
  public boolean awaitClosed(Duration timeout) {
    try {
      return closedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public boolean isClosed() {
    return closedLatch.getCount() == 0;
  }

  /** Closes now on the polling thread (or before any poll); from another thread, stops the poller and waits for it. */
  public void closeFromAnyThread() {
    if (!owner.isBound() || owner.isCurrent()) {
      close();
    } else if (!isClosed()) {
      stop();
      awaitClosed(settings.shutdownTimeout());
    }
  }

  /** Commits processed offsets and leaves the group; on the polling thread (or before any poll). */
  public void close() {
    if (closed) {
      return;
    }
    owner.check();
    closed = true;
    try {
      commands.runQueued(); // marks asked for from other threads still count
      flushMarks.run();
      commit(offsets.uncommitted(null));
    } catch (RuntimeException e) {
      // Closing still leaves the group; the uncommitted tail is redelivered, never lost.
    } finally {
      Span leaving = events.leaving();
      try {
        consumer.close();
        leaving.stop();
      } catch (RuntimeException e) {
        leaving.fail(e);
        throw e;
      } finally {
        if (shutdownStop != null) {
          shutdownStop.cancel();
        }
        closedLatch.countDown();
      }
    }
  }
}
