package dev.gregor.framework.internal.processing;

import dev.gregor.client.Event;
import dev.gregor.client.EventKeys;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Message;
import dev.gregor.client.ProcessingFailed;
import dev.gregor.client.TopicPartition;
import dev.gregor.framework.internal.reporting.PartitionState;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.Ordering;
import dev.gregor.framework.Route;
import dev.gregor.framework.Stall;
import dev.gregor.framework.internal.Instrumentation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer group's listener thread (Karafka 2's process model): polls, hands each partition's
 * messages to the pool in chunks that keep the route's {@link Ordering} (one chunk per partition,
 * or per key, at a time), marks the finished prefix of each partition, and keeps polling while work
 * runs, so long work never costs the membership. Before partitions are
 * revoked it waits, within a bound, for their work and marks it, so the rebalance commits it.
 */
public final class GroupListener implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupListener.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(100);
  private static final long OUTCOME_WAIT_MS = 20;
  /** Buffered messages, or bytes, past which a partition stops fetching until its work is down to half. */
  static final int PAUSE_ABOVE = 5_000;
  static final long PAUSE_ABOVE_BYTES = 8L * 1024 * 1024;
  /** Tracked messages of all partitions past which each partition that fetches more is paused too. */
  static final int PAUSE_ALL_ABOVE = 50_000;

  private final String groupId;
  private final GroupConsumer consumer;
  private final Map<String, Route> routesByKafkaTopic;
  private final Function<Route, Executor> poolFor;
  private final ChunkPerformer performer;
  private final Instrumentation instrumentation;
  private final Duration shutdownTimeout;
  private final ChunkWatch watch;
  private final DelayGate gate;
  private final FailureHandling failures;
  private final Consumer<Throwable> onFatal;
  private final Map<TopicPartition, PartitionWork> works = new HashMap<>();
  private final ListenerControl control = new ListenerControl();
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private final Map<Route, Integer> routeInFlight = new HashMap<>();
  private final Map<Route, Integer> routeShares = new HashMap<>();
  private int inFlight;
  /** Messages tracked by all partitions, and partitions paused for back-pressure. */
  private int tracked;
  private int paused;
  private volatile boolean stopping;
  private volatile boolean quiet;
  private ProcessingFailed failure;

  public GroupListener(String groupId, GroupConsumer consumer, Map<String, Route> routesByKafkaTopic,
      Function<Route, Executor> poolFor,
      ChunkPerformer performer, Instrumentation instrumentation, Duration shutdownTimeout, Duration stallTimeout,
      Consumer<Throwable> onFatal) {
    this.groupId = groupId;
    this.consumer = consumer;
    this.routesByKafkaTopic = routesByKafkaTopic;
    this.poolFor = poolFor;
    this.performer = performer;
    this.instrumentation = instrumentation;
    this.shutdownTimeout = shutdownTimeout;
    this.onFatal = onFatal;
    this.watch = new ChunkWatch(groupId, stallTimeout, instrumentation, this::takeBack);
    this.gate = new DelayGate(consumer);
    this.failures = new FailureHandling(groupId, instrumentation, this::dispatch, failed -> {
      failure = failed;
      stopping = true;
    });
    consumer.beforeRevoke(this::beforeRevoke);
  }

  @Override
  public void run() {
    try {
      while (!stopping) {
        if (quiet) {
          hush();
        } else {
          dispatchReady();
        }
        Event event = consumer.poll(pollTimeout());
        for (int taken = 0; event != null; taken++) {
          on(event);
          // What Kafka has fetched is taken at once, up to a chunk's worth; then the loop dispatches.
          event = taken < PartitionWork.MAX_CHUNK ? consumer.poll(Duration.ZERO) : null;
        }
        if (!quiet) {
          dispatchReady();
        }
        Outcome outcome = inFlight > 0 ? outcomes.poll(OUTCOME_WAIT_MS, TimeUnit.MILLISECONDS) : outcomes.poll();
        while (outcome != null) {
          handle(outcome, true);
          outcome = outcomes.poll();
        }
        relieve();
        gate.release(works.values(), this::enter);
        watch.look();
        control.apply(works, consumer);
        control.refresh(groupId, works, consumer);
      }
      finishInFlight(System.nanoTime() + shutdownTimeout.toNanos());
      if (failure != null) {
        onFatal.accept(failure);
      }
    } catch (Throwable e) {
      instrumentation.error(GroupListener.class, "listener", e, EventKeys.GROUP_ID, groupId);
      onFatal.accept(e);
    } finally {
      performer.close(Duration.ofSeconds(1)); // writes of failures still pending were waited for above
      consumer.close(); // commits what was marked and leaves the group
    }
  }

  /** The messages running past the stall timeout at the last look; any thread. */
  public List<Stall> stalls() {
    return watch.stalls();
  }

  /** Asks the listener to take no new messages but keep its group membership and partitions; any thread. */
  public void quiet() {
    quiet = true;
  }

  /**
   * Quiet: every owned partition paused (also those assigned later), nothing waiting dispatched; polling goes on,
   * so the membership stays, and what runs finishes and is marked. Waiting messages are not committed.
   */
  private void hush() {
    for (PartitionWork work : works.values()) {
      if (!work.pausedForQuiet) {
        work.pausedForQuiet = true;
        consumer.pause(work.partition.topic(), work.partition.partition());
      }
    }
  }

  /**
   * Pauses (or resumes) a partition this group reads for a command, at the listener's next turn; a commanded
   * pause outlasts the listener's own pauses and resumes, until a resume command or a rebalance; any thread.
   */
  public void command(String kafkaTopic, int partition, boolean pause) {
    control.request(kafkaTopic, partition, pause);
  }

  /** Whether this group reads {@code kafkaTopic}. */
  public boolean reads(String kafkaTopic) {
    return routesByKafkaTopic.containsKey(kafkaTopic);
  }

  /** The assigned partitions as the report shows them, refreshed by the listener twice a second once asked for; any thread. */
  public List<PartitionState> partitions() {
    return control.partitions();
  }

  /** Asks the listener to stop taking messages, finish or hand back its work, commit and leave; any thread. */
  public void stop() {
    stopping = true;
  }

  private void on(Event event) {
    if (event instanceof Message message) {
      TopicPartition tp = new TopicPartition(message.topic(), message.partition());
      PartitionWork work = works.get(tp);
      if (work == null) {
        work = workFor(tp);
      }
      if (message.offset() < work.storedOffset) {
        return; // fetched before the seek to the route's stored offset: processed and stored already
      }
      work.firstFetched = work.firstFetched < 0 ? message.offset() : work.firstFetched;
      work.nextFetched = message.offset() + 1;
      work.offsets.track(message);
      tracked++;
      admit(work, message);
      if (!work.pausedForBackPressure && (work.over(PAUSE_ABOVE, PAUSE_ABOVE_BYTES) || tracked > PAUSE_ALL_ABOVE)) {
        consumer.pause(tp.topic(), tp.partition());
        work.pausedForBackPressure = true;
        paused++;
      }
    } else if (event instanceof Event.PartitionsAssigned assigned) {
      for (TopicPartition tp : assigned.partitions()) { // ticks run without messages
        if (!works.containsKey(tp)) {
          workFor(tp);
        }
      }
      StoredOffsets.seek(groupId, consumer, works, assigned.partitions());
    } else if (event instanceof Event.PartitionsRevoked revoked) {
      for (TopicPartition partition : revoked.partitions()) { // lost partitions: their late outcomes are ignored
        PartitionWork gone = works.remove(partition);
        if (gone != null) {
          forget(gone);
        }
      }
    } else if (event instanceof Event.KafkaError error) {
      instrumentation.error(GroupListener.class, "listener", error.error(), EventKeys.GROUP_ID, groupId);
      if (!error.retriable()) {
        throw error.error();
      }
    }
  }

  private PartitionWork workFor(TopicPartition tp) {
    PartitionWork work = new PartitionWork(tp, routesByKafkaTopic.get(tp.topic()));
    works.put(tp, work);
    return work;
  }

  /** A fetched message waits for its due time (the partition paused meanwhile), is skipped, or waits to run. */
  private void admit(PartitionWork work, Message message) {
    if (!gate.holds(work, message)) {
      enter(work, message);
    }
  }

  private void enter(PartitionWork work, Message message) {
    if ((work.route.expireAfter() != null || work.route.filter() != null)
        && Admission.skips(work.route, message, System.currentTimeMillis())) {
      work.offsets.finish(message);
      advance(work, work.offsets.size() + 1);
      return;
    }
    work.lanes.add(message);
  }

  /** Marks the end of the partition's finished prefix for commit; {@code before}: tracked messages before. */
  private void advance(PartitionWork work, int before) {
    Message mark = work.offsets.advance();
    tracked -= before - work.offsets.size();
    if (mark != null) {
      mark(work, mark);
    }
  }

  private void mark(PartitionWork work, Message mark) {
    consumer.markMessageAsProcessed(mark);
    work.nextMarked = mark.offset() + 1;
  }

  /** Zero while work runs (outcomes are waited for below); otherwise until the next retry, due message or tick. */
  private Duration pollTimeout() {
    if (inFlight > 0) {
      return Duration.ZERO;
    }
    long now = System.nanoTime();
    long due = now + IDLE_POLL.toNanos();
    long nowMillis = System.currentTimeMillis();
    for (PartitionWork work : works.values()) {
      due = work.lanes.nextRetry(due);
      due = DelayGate.nextDue(work, due, now, nowMillis);
      if (work.route.throttleMessages() > 0 && work.lanes.hasWaiting()) {
        long windowEnd = work.windowStart + work.route.throttleInterval().toNanos();
        due = windowEnd - due < 0 ? windowEnd : due;
      }
      Duration tick = work.route.tick();
      if (tick != null) {
        long tickDue = work.lastTick + tick.toNanos();
        due = tickDue - due < 0 ? tickDue : due;
      }
    }
    return Duration.ofNanos(Math.max(0, due - now));
  }

  private void dispatchReady() {
    long now = System.nanoTime();
    routeShares.clear();
    for (PartitionWork work : works.values()) {
      if (work.route.ordering() != Ordering.PARTITION && work.lanes.hasWaiting()) {
        routeShares.merge(work.route, 1, Integer::sum);
      }
    }
    for (PartitionWork work : works.values()) {
      if (work.route.tick() != null) {
        tickIfDue(work, now);
      }
      if (!work.lanes.hasWaiting()) {
        continue;
      }
      int free;
      if (work.route.ordering() == Ordering.PARTITION) {
        free = work.inFlight - work.forwarding == 0 ? 1 : 0; // writes to retry topics do not hold the partition
      } else { // the route's free threads, shared fairly by its partitions with work waiting
        int routeFree = work.route.concurrency() - routeInFlight.getOrDefault(work.route, 0);
        int sharing = routeShares.getOrDefault(work.route, 1);
        free = Math.min(routeFree, (routeFree + sharing - 1) / sharing);
      }
      int limit = work.route.batchMode() ? Integer.MAX_VALUE : work.chunkLimit;
      for (Lanes.Taken taken : work.lanes.take(free, limit, work.leastPerChunk(), work.throttleBudget(now), now)) {
        work.windowUsed += taken.messages().size();
        dispatch(work, taken, null);
      }
    }
  }

  /** Runs the controller's tick when its interval passed; with PARTITION order only between chunks. */
  private void tickIfDue(PartitionWork work, long now) {
    if (now - work.lastTick < work.route.tick().toNanos()
        || (work.route.ordering() == Ordering.PARTITION && work.inFlight > 0)) {
      return;
    }
    work.lastTick = now;
    dispatch(work, new Lanes.Taken(List.of(), new java.util.ArrayList<>(0)), null);
  }

  private void dispatch(PartitionWork work, Lanes.Taken taken, Chunk.Forward deadLetter) {
    Chunk chunk = new Chunk(work, taken, work.borrow(), deadLetter);
    watch.started(chunk);
    work.inFlight++;
    if (deadLetter != null) {
      work.forwarding++;
    }
    inFlight++;
    if (deadLetter != null) { // a write by the async producer: no pool thread, so not counted against concurrency
      performer.forward(chunk).thenAccept(outcomes::add);
      return;
    }
    routeInFlight.merge(work.route, 1, Integer::sum);
    poolFor.apply(work.route).execute(() -> {
      Outcome outcome;
      try {
        outcome = performer.perform(chunk);
      } catch (Throwable e) { // an instrumentation or framework bug must not leave the partition in flight forever
        outcome = new Outcome(chunk, e, 0, 0);
      }
      outcomes.add(outcome);
    });
  }

  /** Resumes partitions paused for back-pressure once their tracked messages (and the listener's) are down to half. */
  private void relieve() {
    if (paused == 0 || tracked > PAUSE_ALL_ABOVE / 2) {
      return;
    }
    for (PartitionWork work : works.values()) {
      if (work.pausedForBackPressure && !work.over(PAUSE_ABOVE / 2, PAUSE_ABOVE_BYTES / 2)) {
        work.pausedForBackPressure = false;
        paused--;
        if (!work.held()) { // a commanded pause, a delay or quiet still holds it otherwise
          consumer.resume(work.partition.topic(), work.partition.partition());
        }
      }
    }
  }

  /** Marks what finished; on failure asks the route's error policy. {@code live}: not stopping or revoking. */
  private void handle(Outcome outcome, boolean live) {
    Chunk chunk = outcome.chunk();
    PartitionWork work = chunk.work;
    watch.finished(chunk);
    inFlight--;
    work.inFlight--;
    if (chunk.deadLetter != null) {
      work.forwarding--;
    } else {
      routeInFlight.merge(work.route, -1, Integer::sum);
    }
    work.giveBack(chunk.handlers);
    if (works.get(work.partition) != work) {
      if (work.inFlight == 0) {
        work.close();
      }
      return; // revoked or lost meanwhile: the partition's new owner reads it again
    }
    if (chunk.messages.isEmpty()) { // a tick
      if (outcome.failed()) {
        instrumentation.error(GroupListener.class, "tick", outcome.error(), EventKeys.TOPIC, work.route.topic(),
            EventKeys.PARTITION, work.partition.partition());
      }
      return;
    }
    int before = work.offsets.size();
    Message mark = work.finished(outcome);
    if (!work.route.batchMode() && chunk.deadLetter == null) {
      work.took(outcome.handled(), outcome.nanos());
    }
    work.lanes.putBack(outcome.notDone()); // failed, or handed back on request: read again (if still owned)
    work.lanes.release(chunk.lanes, !outcome.failed());
    if (outcome.failed()) {
      Message skippedTo = failures.failed(work, outcome, live);
      mark = skippedTo != null ? skippedTo : mark;
    }
    tracked -= before - work.offsets.size();
    if (mark != null) {
      mark(work, mark);
    }
  }

  /**
   * A message of {@code chunk} hangs: its messages no thread has started go back to their lanes, and lanes
   * holding none of the started ones are released, so free threads run them (keys keep their order: a lane
   * with a started message stays held).
   */
  private void takeBack(Chunk chunk) {
    PartitionWork work = chunk.work;
    int from = chunk.takeBackUnclaimed();
    if (from >= chunk.end || works.get(work.partition) != work) {
      return;
    }
    List<Message> unstarted = chunk.messages.subList(from, chunk.end);
    chunk.end = from;
    Set<Lanes.Lane> started = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Message message : chunk.messages.subList(0, from)) {
      started.add(work.lanes.laneOf(message));
    }
    work.lanes.putBack(unstarted);
    List<Lanes.Lane> free = chunk.lanes.stream().filter(lane -> !started.contains(lane)).toList();
    chunk.lanes.removeAll(free);
    work.lanes.release(free, false);
  }

  private void forget(PartitionWork work) {
    tracked -= work.offsets.size();
    if (work.pausedForBackPressure) {
      paused--;
    }
    if (work.inFlight == 0) {
      work.close();
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
        work.lanes.clear();
        revoked.put(partition, work);
      }
    }
    awaitWork(revoked, deadline);
    revoked.forEach((partition, work) -> {
      works.remove(partition);
      forget(work);
    });
    instrumentation.event(GroupListener.class, FrameworkEvent.REVOKE, "revoke", EventKeys.GROUP_ID, groupId,
        EventKeys.TOPIC_PARTITIONS, partitions.toString());
  }

  private void finishInFlight(long deadline) {
    works.values().forEach(work -> {
      work.handBack = true;
      work.lanes.clear();
    });
    awaitWork(works, deadline);
    works.values().stream().filter(work -> work.inFlight == 0).forEach(PartitionWork::close);
    if (inFlight > 0) {
      LOG.warn("Group '{}' stopped with {} chunk(s) still running after {}; they are read again uncommitted",
          groupId, inFlight, shutdownTimeout);
    }
  }

  private void awaitWork(Map<TopicPartition, PartitionWork> waitFor, long deadline) {
    try {
      while (waitFor.values().stream().anyMatch(w -> w.inFlight > 0)) {
        long left = deadline - System.nanoTime();
        Outcome outcome = left <= 0 ? null : outcomes.poll(left, TimeUnit.NANOSECONDS);
        if (outcome == null) {
          LOG.warn("Group '{}': work on {} did not finish within {}; it is read again uncommitted", groupId,
              waitFor.keySet(), shutdownTimeout);
          return;
        }
        handle(outcome, !waitFor.containsKey(outcome.chunk().work.partition) && !stopping);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
