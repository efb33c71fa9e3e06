package dev.gregor.framework.internal.processing;

import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.Event;
import dev.gregor.client.EventKeys;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.HandlerFailure;
import dev.gregor.client.Message;
import dev.gregor.client.ProcessingFailed;
import dev.gregor.client.TopicPartition;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.InvalidResponse;
import dev.gregor.framework.Route;
import dev.gregor.framework.internal.Instrumentation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer group's listener thread (Karafka 2's process model): polls, hands each partition's
 * messages to the pool one chunk at a time so partition order holds, marks what finished, and
 * keeps polling while work runs, so long work never costs the membership. Before partitions are
 * revoked it waits, within a bound, for their work and marks it, so the rebalance commits it.
 */
public final class GroupListener implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupListener.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(100);
  private static final long OUTCOME_WAIT_MS = 20;
  /** Buffered messages, or bytes, past which a partition stops fetching until its work is down to half. */
  static final int PAUSE_ABOVE = 5_000;
  static final long PAUSE_ABOVE_BYTES = 8L * 1024 * 1024;

  private final String groupId;
  private final GroupConsumer consumer;
  private final Map<String, Route> routesByKafkaTopic;
  private final Executor pool;
  private final ChunkPerformer performer;
  private final Instrumentation instrumentation;
  private final Duration shutdownTimeout;
  private final Consumer<Throwable> onFatal;
  private final Map<TopicPartition, PartitionWork> works = new HashMap<>();
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private int inFlight;
  private volatile boolean stopping;
  private ProcessingFailed failure;

  public GroupListener(String groupId, GroupConsumer consumer, Map<String, Route> routesByKafkaTopic, Executor pool,
      ChunkPerformer performer, Instrumentation instrumentation, Duration shutdownTimeout, Consumer<Throwable> onFatal) {
    this.groupId = groupId;
    this.consumer = consumer;
    this.routesByKafkaTopic = routesByKafkaTopic;
    this.pool = pool;
    this.performer = performer;
    this.instrumentation = instrumentation;
    this.shutdownTimeout = shutdownTimeout;
    this.onFatal = onFatal;
    consumer.beforeRevoke(this::beforeRevoke);
  }

  @Override
  public void run() {
    try {
      while (!stopping) {
        dispatchReady();
        Event event = consumer.poll(pollTimeout());
        for (int taken = 0; event != null; taken++) {
          on(event);
          // What Kafka has fetched is taken at once, up to a chunk's worth; then the loop dispatches.
          event = taken < PartitionWork.MAX_CHUNK ? consumer.poll(Duration.ZERO) : null;
        }
        dispatchReady();
        Outcome outcome = inFlight > 0 ? outcomes.poll(OUTCOME_WAIT_MS, TimeUnit.MILLISECONDS) : outcomes.poll();
        while (outcome != null) {
          handle(outcome, true);
          outcome = outcomes.poll();
        }
      }
      finishInFlight(System.nanoTime() + shutdownTimeout.toNanos());
      if (failure != null) {
        onFatal.accept(failure);
      }
    } catch (Throwable e) {
      instrumentation.error(GroupListener.class, "listener", e, EventKeys.GROUP_ID, groupId);
      onFatal.accept(e);
    } finally {
      consumer.close(); // commits what was marked and leaves the group
    }
  }

  /** Asks the listener to stop taking messages, finish or hand back its work, commit and leave; any thread. */
  public void stop() {
    stopping = true;
  }

  private void on(Event event) {
    if (event instanceof Message message) {
      TopicPartition tp = new TopicPartition(message.topic(), message.partition());
      PartitionWork work = works.computeIfAbsent(tp, p -> new PartitionWork(p, routesByKafkaTopic.get(p.topic())));
      work.add(message);
      if (work.over(PAUSE_ABOVE, PAUSE_ABOVE_BYTES) && !work.pausedForBackPressure) {
        consumer.pause(tp.topic(), tp.partition());
        work.pausedForBackPressure = true;
      }
    } else if (event instanceof Event.PartitionsRevoked revoked) {
      for (TopicPartition partition : revoked.partitions()) { // lost partitions: their late outcomes are ignored
        PartitionWork gone = works.remove(partition);
        if (gone != null && !gone.inFlight) {
          gone.close();
        }
      }
    } else if (event instanceof Event.KafkaError error) {
      instrumentation.error(GroupListener.class, "listener", error.error(), EventKeys.GROUP_ID, groupId);
      if (!error.retriable()) {
        throw error.error();
      }
    }
  }

  /** Zero while work runs (outcomes are waited for below); otherwise until the next retry is due, at most the idle poll. */
  private Duration pollTimeout() {
    if (inFlight > 0) {
      return Duration.ZERO;
    }
    long now = System.nanoTime();
    long wait = IDLE_POLL.toNanos();
    for (PartitionWork work : works.values()) {
      if (work.retryAt != 0 && !work.buffered.isEmpty()) {
        wait = Math.min(wait, Math.max(0, work.retryAt - now));
      }
    }
    return Duration.ofNanos(wait);
  }

  private void dispatchReady() {
    long now = System.nanoTime();
    for (PartitionWork work : works.values()) {
      if (!work.inFlight && !work.buffered.isEmpty() && (work.retryAt == 0 || now - work.retryAt >= 0)) {
        work.retryAt = 0;
        dispatch(work);
      }
    }
  }

  private void dispatch(PartitionWork work) {
    List<Message> chunk = work.takeChunk(work.route.batchMode() ? Integer.MAX_VALUE : work.chunkLimit);
    work.inFlight = true;
    inFlight++;
    pool.execute(() -> {
      Outcome outcome;
      try {
        outcome = performer.perform(work, chunk);
      } catch (Throwable e) { // an instrumentation or framework bug must not leave the partition in flight forever
        outcome = new Outcome(work, null, e, chunk, 0, 0);
      }
      outcomes.add(outcome);
    });
    if (work.pausedForBackPressure && !work.over(PAUSE_ABOVE / 2, PAUSE_ABOVE_BYTES / 2)) {
      consumer.resume(work.partition.topic(), work.partition.partition());
      work.pausedForBackPressure = false;
    }
  }

  /** Marks what finished; on failure asks the route's error policy. {@code live}: not stopping or revoking. */
  private void handle(Outcome outcome, boolean live) {
    inFlight--;
    PartitionWork work = outcome.work();
    work.inFlight = false;
    if (works.get(work.partition) != work) {
      work.close();
      return; // revoked or lost meanwhile: the partition's new owner reads it again
    }
    if (outcome.lastDone() != null) {
      consumer.markMessageAsProcessed(outcome.lastDone());
      work.attempt = 0;
    }
    if (!work.route.batchMode()) {
      work.took(outcome.handled(), outcome.nanos());
    }
    if (!outcome.failed()) {
      work.putBack(outcome.notDone()); // handed back on request: read again (if still owned) or dropped with the work
      return;
    }
    List<Message> notDone = outcome.notDone();
    Message failed = notDone.get(0);
    List<Message> failedMessages = work.route.batchMode() ? notDone : List.of(failed);
    instrumentation.error(GroupListener.class, outcome.error() instanceof InvalidResponse ? "responder" : "controller",
        outcome.error(), EventKeys.TOPIC, work.route.topic(), EventKeys.PARTITION, failed.partition(),
        EventKeys.OFFSET, failed.offset());
    if (!live) {
      return; // stopping: what failed stays uncommitted and is read again
    }
    work.attempt++;
    ErrorPolicy.Decision decision = work.route.errorPolicy().decide(new HandlerFailure(failed.topic(), failed.partition(),
        failed.offset(), failedMessages, work.attempt, outcome.error()));
    if (decision.stops()) {
      Message last = failedMessages.get(failedMessages.size() - 1);
      failure = new ProcessingFailed(groupId, failed.topic(), failed.partition(), failed.offset(), last.offset(),
          "Route '" + work.route.topic() + "' failed on " + failed.topic() + "/" + failed.partition() + "@"
              + failed.offset() + " after " + work.attempt + " attempt(s) and its error policy stopped it: "
              + outcome.error(), outcome.error());
      stopping = true;
      return;
    }
    work.putBack(notDone);
    if (decision.skips()) {
      failedMessages.forEach(m -> work.dropFirst());
      consumer.markMessageAsProcessed(failedMessages.get(failedMessages.size() - 1));
      work.attempt = 0;
    } else {
      work.retryAt = System.nanoTime() + decision.retryAfter().toNanos();
      if (work.retryAt == 0) {
        work.retryAt = 1;
      }
    }
  }

  /** Before an orderly revocation: waits, within the shutdown timeout, for the revoked partitions' work. */
  private void beforeRevoke(List<TopicPartition> partitions) {
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    Map<TopicPartition, PartitionWork> revoked = new HashMap<>();
    for (TopicPartition partition : partitions) {
      PartitionWork work = works.get(partition);
      if (work != null) {
        work.handBack = true;
        work.clear();
        revoked.put(partition, work);
      }
    }
    awaitWork(revoked, deadline);
    revoked.forEach((partition, work) -> {
      works.remove(partition);
      if (!work.inFlight) {
        work.close();
      }
    });
    instrumentation.event(GroupListener.class, FrameworkEvent.REVOKE, "revoke", EventKeys.GROUP_ID, groupId,
        EventKeys.TOPIC_PARTITIONS, partitions.toString());
  }

  private void finishInFlight(long deadline) {
    works.values().forEach(work -> {
      work.handBack = true;
      work.clear();
    });
    awaitWork(works, deadline);
    works.values().stream().filter(work -> !work.inFlight).forEach(PartitionWork::close);
    if (inFlight > 0) {
      LOG.warn("Group '{}' stopped with {} chunk(s) still running after {}; they are read again uncommitted",
          groupId, inFlight, shutdownTimeout);
    }
  }

  private void awaitWork(Map<TopicPartition, PartitionWork> waitFor, long deadline) {
    try {
      while (waitFor.values().stream().anyMatch(w -> w.inFlight)) {
        long left = deadline - System.nanoTime();
        Outcome outcome = left <= 0 ? null : outcomes.poll(left, TimeUnit.NANOSECONDS);
        if (outcome == null) {
          LOG.warn("Group '{}': work on {} did not finish within {}; it is read again uncommitted", groupId,
              waitFor.keySet(), shutdownTimeout);
          return;
        }
        handle(outcome, !waitFor.containsKey(outcome.work().partition) && !stopping);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
