package dev.gregor.framework.internal.processing;

import dev.gregor.client.Message;
import java.util.List;

/**
 * Messages of one partition handed to a pool thread, with the lanes they hold and the controller
 * lent to them; while it runs, which message and thread it is on, for stall reports.
 */
final class Chunk {
  final PartitionWork work;
  final List<Message> messages;
  final List<Lanes.Lane> lanes;
  final PartitionWork.Handlers handlers;
  volatile Message current;
  /** When the current message started (System.nanoTime). */
  volatile long since;
  volatile Thread thread;
  /** Whether the current message was reported as stalled; listener thread only. */
  Message reportedStall;

  Chunk(PartitionWork work, Lanes.Taken taken, PartitionWork.Handlers handlers) {
    this.work = work;
    this.messages = taken.messages();
    this.lanes = taken.lanes();
    this.handlers = handlers;
  }

  /** Called by the pool thread as it starts on a message. */
  void starting(Message message) {
    current = message;
    since = System.nanoTime();
  }
}
