package dev.gregor.framework.internal.processing;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.TransactionalProducer;
import dev.gregor.client.TopicPartition;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Ordering;
import dev.gregor.framework.Responder;
import dev.gregor.framework.Route;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * One assigned partition's state on its listener thread: messages waiting in their lanes, which
 * fetched messages are finished (the committable offset), how many chunks run, and controllers
 * (and responders) made for this partition, each lent to one chunk at a time.
 */
final class PartitionWork {
  /** A controller and the responder it responds through, used by one chunk at a time. */
  record Handlers(Controller controller, @Nullable Responder responder) {}

  final TopicPartition partition;
  final Route route;
  final Lanes lanes;
  final OffsetTracker offsets = new OffsetTracker();
  private final ArrayDeque<Handlers> idle = new ArrayDeque<>();
  /** Chunks of this partition running now; at most one performing with {@link Ordering#PARTITION}. */
  int inFlight;
  /** Of those, chunks writing to a retry or dead-letter topic. */
  int forwarding;
  /**
   * Set by the listener when the partition is being revoked or the app stops: a chunk performed one by one
   * stops before its next message and hands the rest back, so waiting for it takes one message, not a chunk.
   */
  volatile boolean handBack;
  /** Messages per chunk, adapted so a chunk takes about {@link #CHUNK_TARGET_NANOS}: few hand-offs, fresh marks. */
  int chunkLimit = FIRST_CHUNK;
  private boolean measured;
  boolean pausedForBackPressure;
  /** Fetched messages not due yet (a delay or a retry topic), in fetch order; the partition is paused meanwhile. */
  final ArrayDeque<Message> gate = new ArrayDeque<>();
  boolean pausedForDelay;
  /** Paused because the app was quieted: stays paused until the app stops. */
  boolean pausedForQuiet;
  /** Paused by a pause command: stays paused until a resume command, or until the partition is taken away. */
  boolean pausedByCommand;
  /** For the report: the offsets after the first and last fetched message of this assignment, and after the last marked; -1 before any. */
  long firstFetched = -1;
  long nextFetched = -1;
  long nextMarked = -1;
  /** The throttle's window: when it began (System.nanoTime) and how many messages ran in it. */
  long windowStart;
  int windowUsed;
  /** The offset the route's offset store had for this partition at assignment; earlier fetched messages are dropped. */
  long storedOffset = -1;
  /** When the controller's tick last ran (System.nanoTime). */
  long lastTick = System.nanoTime();
  /** The partition's transactional producer for transactional routes, made at first use on the pool thread. */
  private TransactionalProducer transactions;

  static final int FIRST_CHUNK = 500;
  static final int MAX_CHUNK = 5_000;
  static final long CHUNK_TARGET_NANOS = 50_000_000L;

  PartitionWork(TopicPartition partition, Route route) {
    this.partition = partition;
    this.route = route;
    this.lanes = new Lanes(route.ordering());
  }

  /** Whether anything keeps the partition paused: lifting one reason resumes it only when this says no. */
  boolean held() {
    return pausedForBackPressure || pausedForDelay || pausedForQuiet || pausedByCommand;
  }

  /**
   * How many messages the throttle lets run now (all when the route has none); starts a new window when the last
   * one is over.
   */
  int throttleBudget(long now) {
    if (route.throttleMessages() == 0) {
      return Integer.MAX_VALUE;
    }
    if (now - windowStart >= route.throttleInterval().toNanos()) {
      windowStart = now;
      windowUsed = 0;
    }
    return route.throttleMessages() - windowUsed;
  }

  /** Marks the chunk's finished messages; returns the message to mark for commit, if the finished prefix grew. */
  @Nullable Message finished(Outcome outcome) {
    if (outcome.handled() > 0) {
      if (route.ordering() == Ordering.PARTITION) {
        offsets.finishThrough(outcome.chunk().messages.get(outcome.handled() - 1));
      } else {
        outcome.done().forEach(offsets::finish);
      }
    }
    return offsets.advance();
  }

  /** Whether more than {@code messages} are tracked (waiting, running, or finished behind one that is not) or {@code bytes} wait. */
  boolean over(int messages, long bytes) {
    return offsets.size() > messages || lanes.bytes() > bytes;
  }

  /** A controller (and responder) no other chunk uses; made when every one is lent out. */
  Handlers borrow() {
    Handlers handlers = idle.poll();
    return handlers != null ? handlers : new Handlers(route.newController(), route.newResponder());
  }

  void giveBack(Handlers handlers) {
    idle.push(handlers);
  }

  /** The transactional producer of this partition: one id per partition, so a new owner fences the old one. */
  synchronized TransactionalProducer transactions(Gregor client, String clientId) {
    if (transactions == null) {
      transactions = client.transactionalProducer(clientId + "-" + partition.topic() + "-" + partition.partition());
    }
    return transactions;
  }

  /** Releases the partition's producer; called by the listener once no chunk of it runs. */
  synchronized void close() {
    if (transactions != null) {
      transactions.close();
      transactions = null;
    }
  }

  /**
   * The fewest messages worth a chunk of their own: a fiftieth of the chunk limit, about 1 ms of work at the pace
   * seen, below which a hand-off to another thread costs more than it spreads; 1 until a pace was seen.
   */
  int leastPerChunk() {
    return measured ? Math.max(1, chunkLimit / 50) : 1;
  }

  /** Sizes the next chunk from how long {@code messages} took: fast controllers get big chunks, slow ones small. */
  void took(int messages, long nanos) {
    if (messages > 0 && nanos > 0) {
      measured = true;
      long fitting = CHUNK_TARGET_NANOS * messages / nanos;
      chunkLimit = (int) Math.max(1, Math.min(MAX_CHUNK, fitting));
    }
  }
}
