package dev.gregor.client.internal.consumer;

import dev.gregor.client.Config;
import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.GregorException;
import dev.gregor.client.Message;
import dev.gregor.client.UnknownTopic;
import dev.gregor.client.internal.events.RequestStats;
import dev.gregor.client.internal.names.CloseNames;
import dev.gregor.client.internal.events.Span;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group, owned by the thread that polls it: polls, commits only what
 * was marked processed, commits before a rebalance takes partitions away, and applies pauses and
 * seeks. The loops over it ({@link HandlerLoop}, {@link EventPoller}) decide what a poll means.
 */
public final class GroupMember implements ShutdownStop.Stoppable, PolledMember {
  static final Duration POLL = Duration.ofMillis(200);
  /**
   * kafka-clients' close first leaves the group (waiting for the answer), then closes the fetch
   * session, which waits behind the fetch still in flight: up to maxWaitTime (1 s) more for
   * nothing the application needs. Bounding the whole close lets the leave finish and cuts that
   * wait short, as a raw consumer's close with its 500 ms fetch wait takes.
   */
  private static final Duration CLOSE_BOUND = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(GroupMember.class);

  private final String groupId;
  private final ConsumerSettings settings;
  private final Config config;
  private final Subscriptions subscriptions;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final OffsetTracker offsets;
  private final Rebalances rebalances;
  private final GroupCommits commits;
  private final ConsumerEvents events;
  private final HeartbeatCount heartbeats;
  private final PartitionControl partitions;
  private final RequestStats requestStats;
  private final LagSnapshot lagSnapshot;
  private final DeletedTopics deletedTopics;
  private final AnyThreadChecks checks;
  private final SessionWatch session;
  private final PartitionPauses pauses = new PartitionPauses();
  private final RetryAttempts attempts = new RetryAttempts();
  private final OwnerThread owner = new OwnerThread("GroupConsumer", AnyThreadChecks.CONSUMER_ADVICE);
  private final OwnerCommands commands = new OwnerCommands(owner);
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private ShutdownStop shutdownStop;
  private Runnable flushMarks = () -> { };
  private Consumer<List<dev.gregor.client.TopicPartition>> beforeRevoke = revoked -> { };
  private volatile boolean stopRequested;
  private boolean started;
  private boolean closed;

  public GroupMember(Config config, String groupId, ConsumerSettings settings, Subscriptions subscriptions,
      ConsumerEvents events) {
    this.config = config;
    this.events = events;
    this.groupId = groupId;
    this.settings = settings;
    this.subscriptions = subscriptions;
    this.offsets = new OffsetTracker(settings);
    this.consumer = new KafkaConsumer<>(ConsumerProperties.group(config, groupId, settings, subscriptions.commonStart()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.session = new SessionWatch(consumer, groupId, settings);
    this.commits = new GroupCommits(consumer, offsets, events, groupId, () -> stopRequested, session::refused);
    this.rebalances = new Rebalances(consumer, subscriptions, revoked -> {
      runBeforeRevoke(revoked);
      commits.commitUnlessDropped(offsets.uncommitted(revoked));
    }, events);
    this.heartbeats = new HeartbeatCount(consumer);
    this.partitions = new PartitionControl(consumer, pauses, rebalances, events, groupId,
        ConsumerProperties.offsetReset(subscriptions.commonStart()));
    this.requestStats = new RequestStats(events.bus(), consumer::metrics);
    this.lagSnapshot = new LagSnapshot(consumer, rebalances.assigned());
    this.deletedTopics = new DeletedTopics(consumer, subscriptions, groupId, config.connectTimeout());
    rebalances.onRevoked(deletedTopics::revoked);
    this.checks = new AnyThreadChecks(rebalances, groupId);
    rebalances.onGone(gone -> {
      offsets.forget(gone);
      pauses.forget(gone);
      attempts.forget(gone);
    });
  }

  /** Binds the calling thread as the poller, checks the topics exist and joins the group; once. */
  @Override
  public void start(boolean eventMode) {
    owner.check();
    if (started) {
      return;
    }
    started = true;
    if (eventMode) {
      rebalances.recordEvents();
    }
    Map<String, List<String>> missing;
    try {
      missing = subscriptions.missing(consumer.listTopics(config.connectTimeout()).keySet());
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      close();
      throw new GregorException("Cannot subscribe group '" + groupId + "' to " + subscriptions + ": the cluster did not "
          + "answer within connectTimeout (" + config.connectTimeout().toMillis() + " ms); is it running?", e);
    }
    if (!missing.isEmpty()) {
      close();
      Map.Entry<String, List<String>> first = missing.entrySet().iterator().next();
      throw new UnknownTopic(first.getKey(), "Cannot subscribe group '" + groupId + "': " + missing.entrySet().stream()
          .map(e -> "topic '" + e.getKey() + "' does not exist" + (e.getValue().isEmpty() ? "" : " (" + CloseNames.question(e.getValue()) + ")"))
          .collect(Collectors.joining("; ")), first.getValue(), null);
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

  /** The application's hook before an orderly revocation; marks it makes are committed with the rest. */
  public void beforeRevoke(Consumer<List<dev.gregor.client.TopicPartition>> hook) {
    this.beforeRevoke = hook;
  }

  private void runBeforeRevoke(Collection<TopicPartition> revoked) {
    if (revoked.isEmpty()) {
      return;
    }
    try {
      beforeRevoke.accept(PartitionIds.publicList(revoked));
    } catch (RuntimeException e) {
      // The commit of what was processed must still happen; the hook's failure is the application's to see.
      LOG.warn("beforeRevoke hook of group '{}' failed for {}: {}", groupId, revoked, e.toString(), e);
    }
  }

  /** Registers what holds marks not yet given to {@link #mark}, to flush before they are committed. */
  @Override
  public void flushMarksWith(Runnable flush) {
    this.flushMarks = flush;
  }

  @Override
  public void runQueuedCommands() {
    commands.runQueued();
  }

  /** One step of the loop: queued commands, ended pauses, due commits, then a poll; empty once stop was asked. */
  @Override
  public ConsumerRecords<byte[], byte[]> pollOnce(Duration timeout) {
    try {
      commands.runQueued();
      flushMarks.run();
      partitions.beforePoll();
      if (offsets.commitDue()) {
        commits.commitUnlessDropped(offsets.uncommitted(null));
      }
      session.beforePoll();
      partitions.holdAll(!session.current());
      ConsumerRecords<byte[], byte[]> records = stopRequested ? ConsumerRecords.empty() : consumer.poll(timeout);
      deletedTopics.check(rebalances.assigned(), rebalances::report);
      session.afterPoll();
      if (!records.isEmpty() && !session.current()) {
        holdBack(records, null, 0);
        records = ConsumerRecords.empty();
      }
      lagSnapshot.refreshEverySecond();
      reportStatus();
      return records;
    } catch (WakeupException woken) {
      return ConsumerRecords.empty(); // stop() from another thread
    }
  }

  /** Whether fetched records may still be handed out: the group can still count this member in. */
  @Override
  public boolean inGroup() {
    return session.current();
  }

  /**
   * Hands out nothing more of {@code records}, from {@code from} at {@code offset} (or, for null,
   * from the start) on: each such partition goes back to its first record not handed out, to be
   * fetched again if it is still this member's, and fetching stops until the group answers.
   */
  @Override
  public void holdBack(ConsumerRecords<byte[], byte[]> records, TopicPartition from, long offset) {
    boolean reached = from == null;
    for (TopicPartition tp : records.partitions()) {
      reached |= tp.equals(from);
      if (reached && rebalances.owns(tp)) {
        consumer.seek(tp, tp.equals(from) ? offset : records.records(tp).get(0).offset());
      }
    }
    partitions.holdAll(true);
  }

  @Override
  public void mark(TopicPartition partition, long nextOffset, int count) {
    if (rebalances.owns(partition)) { // a partition given away meanwhile is its new owner's to commit
      offsets.mark(partition, nextOffset, count);
    }
  }

  public void markFromAnyThread(Message message) {
    TopicPartition partition = checks.everAssigned(message);
    commands.run("markMessageAsProcessed(" + message + ")", () -> mark(partition, message.offset() + 1, 1));
  }

  public void pauseFromAnyThread(String topic, int partition, Duration timeout, Duration maxTimeout) {
    TopicPartition tp = checks.assigned(topic, partition);
    commands.run("pause(" + tp + ")", () -> partitions.pause(tp, timeout, maxTimeout));
  }

  public void resumeFromAnyThread(String topic, int partition) {
    TopicPartition tp = new TopicPartition(topic, partition);
    commands.run("resume(" + tp + ")", () -> partitions.resume(tp));
  }

  public boolean isPaused(String topic, int partition) {
    return pauses.isPaused(new TopicPartition(topic, partition));
  }

  public void seekFromAnyThread(String topic, int partition, long offset) {
    TopicPartition tp = checks.assigned(topic, partition);
    commands.run("seek(" + tp + ", " + offset + ")", () -> partitions.seek(tp, offset));
  }

  public void commitOffsets() {
    commands.runAndWait("commitOffsets", () -> {
      flushMarks.run();
      commits.commit(offsets.uncommitted(null));
    }, settings.rebalanceTimeout());
  }

  @Override
  public ConsumerEvents events() {
    return events;
  }

  @Override
  public void processed(TopicPartition partition) {
    attempts.passed(partition);
    pauses.processed(partition);
  }

  @Override
  public int failed(TopicPartition partition, long offset) {
    return attempts.failed(partition, offset);
  }

  @Override
  public void skipped(TopicPartition partition) {
    attempts.passed(partition);
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

  /** Pauses, seeks, retries, held partitions and back-pressure. */
  @Override
  public PartitionControl partitions() {
    return partitions;
  }

  @Override
  public Rebalances rebalances() {
    return rebalances;
  }

  @Override
  public ConsumerSettings settings() {
    return settings;
  }

  @Override
  public String groupId() {
    return groupId;
  }

  @Override
  public long lag(TopicPartition partition) {
    return consumer.currentLag(partition).orElse(-1);
  }

  /** The partition's end as of the last fetch: position plus lag. */
  @Override
  public long highWatermark(TopicPartition partition) {
    return position(partition) + Math.max(0, lag(partition));
  }

  @Override
  public long position(TopicPartition partition) {
    return consumer.position(partition, config.connectTimeout());
  }

  /** Lag per assigned partition where known; exact on the polling thread, at most a second old elsewhere. */
  public Map<dev.gregor.client.TopicPartition, Long> lag() {
    return owner.isCurrent() ? lagSnapshot.current() : lagSnapshot.latest();
  }

  @Override
  public boolean stopRequested() {
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

  @Override
  public boolean isClosed() {
    return closedLatch.getCount() == 0;
  }

  /** Closes now on the polling thread (or before any poll); from another thread, stops the poller and waits for it. */
  public void closeFromAnyThread() {
    closeFromAnyThread(settings.shutdownTimeout());
  }

  /** {@link #closeFromAnyThread()} waiting at most {@code timeout}; whether the member is closed. */
  public boolean closeFromAnyThread(Duration timeout) {
    if (!owner.isBound() || owner.isCurrent()) {
      close();
    } else if (!isClosed()) {
      stop();
      return awaitClosed(timeout);
    }
    return true;
  }

  /** Commits processed offsets and leaves the group; on the polling thread (or before any poll). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    owner.check();
    closed = true;
    try {
      commands.runQueued(); // marks asked for from other threads still count
      flushMarks.run();
      commits.commit(offsets.uncommitted(null));
    } catch (RuntimeException e) {
      // Closing still leaves the group; the uncommitted tail is redelivered, never lost.
    } finally {
      Span leaving = events.leaving();
      try {
        consumer.close(CloseOptions.timeout(CLOSE_BOUND));
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
