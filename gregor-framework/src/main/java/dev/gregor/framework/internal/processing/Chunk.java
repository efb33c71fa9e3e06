package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages of one partition handed to a pool thread, with the lanes they hold and the controller
 * lent to them. The thread claims messages one at a time, so the listener can take back those not
 * started (when one hangs); while it runs, which message and thread it is on, for stall reports.
 */
final class Chunk {
  final PartitionWork work;
  final List<Message> messages;
  /** Lanes held until the outcome; the listener drops those it released early. */
  final List<Lanes.Lane> lanes;
  final PartitionWork.Handlers handlers;
  private final AtomicInteger next = new AtomicInteger();
  /** Where this chunk's messages end once the listener took back its tail; listener thread only. */
  int end;
  volatile Message current;
  /** When the current message started (System.nanoTime), 0 when none runs. */
  volatile long since;
  volatile Thread thread;
  /** Set when this chunk writes its messages to a retry or dead-letter topic instead of performing them. */
  final Forward deadLetter;
  /** The message last reported as stalled; listener thread only. */
  Message reportedStall;

  /**
   * Where failed messages go and why: {@code topic} (a clean name), the last error, the attempts made, and which
   * retry topic this is (1-based), or 0 for the dead-letter topic.
   */
  record Forward(String topic, Throwable error, int attempts, int retry) {}

  Chunk(PartitionWork work, Lanes.Taken taken, PartitionWork.Handlers handlers, Forward deadLetter) {
    this.deadLetter = deadLetter;
    this.work = work;
    this.messages = taken.messages();
    this.lanes = taken.lanes();
    this.handlers = handlers;
    this.end = messages.size();
  }

  /** The index of the next message for the pool thread to run, or -1 when none is left to it. */
  int claim() {
    int index = next.getAndIncrement();
    return index < messages.size() ? index : -1;
  }

  /** Claims every message at once: a batch. */
  void claimAll() {
    next.set(messages.size());
  }

  /** Takes back the messages no thread has claimed; returns the index they start at (the size when none). */
  int takeBackUnclaimed() {
    return Math.min(next.getAndSet(messages.size()), messages.size());
  }

  /** Called by the pool thread as it starts on a message. */
  void starting(Message message) {
    current = message;
    since = System.nanoTime();
  }
}
