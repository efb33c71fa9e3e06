package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import dev.gregor.framework.Ordering;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition's fetched messages waiting to run, in lanes that keep the route's {@link Ordering}:
 * one lane for the partition, one per key, or a loose lane whose messages may run anywhere. A lane
 * runs one chunk at a time; the listener thread alone touches this, so it needs no locks.
 */
final class Lanes {
  /** Messages that must run in order, one chunk at a time; waiting for a retry when {@code retryAt} is set. */
  static final class Lane {
    final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final Object key;
    private boolean busy;
    private boolean listed;
    /** When this lane's head may run again (System.nanoTime), or 0. */
    long retryAt;
    /** How often the head failed in a row, for the error policy. */
    int attempt;

    Lane(Object key) {
      this.key = key;
    }
  }

  /** A chunk's messages and the lanes it holds until its outcome is back. */
  record Taken(List<Message> messages, List<Lane> lanes) {}

  private final Ordering ordering;
  private final Lane partitionLane = new Lane("partition");
  /** Messages with no order among them: never busy, taken by any chunk. */
  private final Lane loose = new Lane("loose");
  private final Map<Object, Lane> byKey = new HashMap<>();
  /** Lanes of their own for failed loose messages, so their retry waits alone. */
  private final Map<Message, Lane> isolated = new IdentityHashMap<>();
  private final ArrayDeque<Lane> ready = new ArrayDeque<>();
  private int count;
  private long bytes;

  Lanes(Ordering ordering) {
    this.ordering = ordering;
  }

  void add(Message message) {
    Lane lane = laneOf(message);
    lane.queue.add(message);
    count++;
    bytes += size(message);
    list(lane);
  }

  /**
   * Up to {@code maxChunks} chunks of at most {@code limit} messages (and {@code budget} in all) from lanes not busy
   * and not waiting for a retry; messages are spread over the chunks so free threads share the work, at least
   * {@code least} per chunk where there are so many. Taken lanes are busy until released.
   */
  List<Taken> take(int maxChunks, int limit, int least, int budget, long now) {
    List<Taken> chunks = new ArrayList<>();
    if (maxChunks <= 0 || count == 0 || budget <= 0) {
      return chunks;
    }
    long spread = Math.max(((long) count + maxChunks - 1) / maxChunks, least);
    int per = (int) Math.max(1, Math.min(Math.min(limit, budget), spread));
    int left = budget;
    Taken current = null;
    for (int rounds = ready.size(); rounds > 0; rounds--) {
      Lane lane = ready.poll();
      if (lane.retryAt != 0 && now - lane.retryAt < 0) {
        ready.add(lane); // not due yet: stays listed
        continue;
      }
      if (current == null || current.messages.size() >= per || left == 0) {
        if (chunks.size() == maxChunks || left == 0) {
          ready.addFirst(lane);
          break;
        }
        current = new Taken(new ArrayList<>(Math.min(per, lane.queue.size() + 16)), new ArrayList<>(2));
        chunks.add(current);
      }
      lane.retryAt = 0;
      lane.listed = false;
      lane.busy = true;
      current.lanes.add(lane);
      left -= moveInto(current, lane, (int) Math.min(per, (long) current.messages.size() + left));
    }
    while (!loose.queue.isEmpty() && left > 0) {
      if (current == null || current.messages.size() >= per) {
        if (chunks.size() == maxChunks) {
          break;
        }
        current = new Taken(new ArrayList<>(Math.min(per, loose.queue.size())), new ArrayList<>(1));
        chunks.add(current);
      }
      left -= moveInto(current, loose, (int) Math.min(per, (long) current.messages.size() + left));
    }
    if (ordering != Ordering.PARTITION) {
      for (Taken chunk : chunks) { // callbacks and batches see offset order; per lane it already is
        chunk.messages.sort((a, b) -> Long.compare(a.offset(), b.offset()));
      }
    }
    return chunks;
  }

  /** Moves messages from the lane's head until the chunk holds {@code upTo}; returns how many moved. */
  private int moveInto(Taken chunk, Lane lane, int upTo) {
    int moved = 0;
    while (!lane.queue.isEmpty() && chunk.messages.size() < upTo) {
      Message message = lane.queue.poll();
      count--;
      bytes -= size(message);
      chunk.messages.add(message);
      moved++;
    }
    return moved;
  }

  /** Puts messages that did not run back at the head of their lanes, in order. */
  void putBack(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      Message message = messages.get(i);
      laneOf(message).queue.addFirst(message);
      count++;
      bytes += size(message);
    }
  }

  /** The chunk's outcome is back: its lanes may run again; a chunk that went well resets their attempts. */
  void release(List<Lane> lanes, boolean wentWell) {
    for (Lane lane : lanes) {
      lane.busy = false;
      if (wentWell) {
        lane.attempt = 0;
      }
      if (lane.queue.isEmpty() && lane.retryAt == 0) {
        forget(lane);
      } else {
        list(lane);
      }
    }
  }

  /**
   * The lane whose head failed (a loose message gets a lane of its own), with its attempt counted; progress on
   * that lane in the same chunk ({@code done}) restarts the count.
   */
  Lane failed(Message failed, List<Message> done) {
    Lane lane = laneOf(failed);
    if (lane == loose) {
      loose.queue.removeFirstOccurrence(failed);
      lane = new Lane(failed);
      lane.queue.add(failed);
      isolated.put(failed, lane);
    }
    for (Message message : done) {
      if (laneOf(message) == lane) {
        lane.attempt = 0;
        break;
      }
    }
    lane.attempt++;
    return lane;
  }

  /**
   * Takes {@code messages} out of their lanes for a retry or dead-letter topic; with {@code hold} their lanes are
   * held (busy) until released, so later messages of the key wait for the write.
   */
  Taken takeOut(List<Message> messages, boolean hold) {
    List<Lane> held = new ArrayList<>(2);
    for (Message message : messages) {
      Lane lane = laneOf(message);
      if (lane.queue.removeFirstOccurrence(message)) {
        count--;
        bytes -= size(message);
      }
      if (hold && lane != loose && !lane.busy) {
        lane.busy = true;
        if (lane.listed) {
          lane.listed = false;
          ready.remove(lane);
        }
        held.add(lane);
      }
      if (!hold && lane.key instanceof Message && lane.queue.isEmpty()) {
        forget(lane); // a loose message's own retry lane: done with it
      }
    }
    return new Taken(new ArrayList<>(messages), held);
  }

  /** Drops a message the error policy skipped from the head of its lane. */
  void drop(Message message) {
    Lane lane = laneOf(message);
    if (lane.queue.removeFirstOccurrence(message)) {
      count--;
      bytes -= size(message);
    }
    lane.attempt = 0;
    if (!lane.busy && lane.queue.isEmpty()) {
      lane.listed = false;
      ready.remove(lane);
      forget(lane);
    }
  }

  /** Makes a failed lane wait: it is listed but not taken before {@code at} (System.nanoTime). */
  void retryAt(Lane lane, long at) {
    lane.retryAt = at == 0 ? 1 : at;
    if (!lane.busy) {
      list(lane);
    }
  }

  /** The earliest retry due among waiting lanes (System.nanoTime), or {@code none}. */
  long nextRetry(long none) {
    long next = none;
    for (Lane lane : ready) {
      if (lane.retryAt != 0 && lane.retryAt - next < 0) {
        next = lane.retryAt;
      }
    }
    return next;
  }

  /** Whether a lane could run now or after a retry delay. */
  boolean hasWaiting() {
    return !ready.isEmpty() || !loose.queue.isEmpty();
  }

  int count() {
    return count;
  }

  long bytes() {
    return bytes;
  }

  /** Drops everything waiting: the partition is going. */
  void clear() {
    partitionLane.queue.clear();
    loose.queue.clear();
    byKey.values().forEach(lane -> lane.queue.clear());
    isolated.values().forEach(lane -> lane.queue.clear());
    byKey.clear();
    isolated.clear();
    ready.clear();
    count = 0;
    bytes = 0;
  }

  /** The lane {@code message} belongs to (made when missing). */
  Lane laneOf(Message message) {
    if (!isolated.isEmpty()) {
      Lane lane = isolated.get(message);
      if (lane != null) {
        return lane;
      }
    }
    if (ordering == Ordering.PARTITION) {
      return partitionLane;
    }
    byte[] key = message.key();
    if (ordering == Ordering.UNORDERED || key == null) {
      return loose;
    }
    return byKey.computeIfAbsent(ByteBuffer.wrap(key), Lane::new);
  }

  private void list(Lane lane) {
    if (lane != loose && !lane.busy && !lane.listed && (!lane.queue.isEmpty() || lane.retryAt != 0)) {
      lane.listed = true;
      ready.add(lane);
    }
  }

  private void forget(Lane lane) {
    if (lane.key instanceof Message message) {
      isolated.remove(message);
    } else if (lane != partitionLane && lane != loose) {
      byKey.remove(lane.key);
    }
  }

  private static long size(Message message) {
    return (message.value() == null ? 0 : message.value().length) + (message.key() == null ? 0 : message.key().length);
  }
}
