package dev.gregor.framework.internal.processing;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.TransactionalProducer;
import dev.gregor.client.TopicPartition;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Route;
import dev.gregor.framework.Responder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One assigned partition's state on its listener thread: messages fetched but not handed out, at
 * most one chunk in flight, and the controller (and responder) made for this partition alone.
 */
final class PartitionWork {
  final TopicPartition partition;
  final Route route;
  final Controller controller;
  final Responder responder;
  final Deque<Message> buffered = new ArrayDeque<>();
  private long bufferedBytes;
  boolean inFlight;
  /**
   * Set by the listener when the partition is being revoked or the app stops: a chunk performed one by one
   * stops before its next message and hands the rest back, so waiting for it takes one message, not a chunk.
   */
  volatile boolean handBack;
  /** Messages per chunk, adapted so a chunk takes about {@link #CHUNK_TARGET_NANOS}: few hand-offs, fresh marks. */
  int chunkLimit = FIRST_CHUNK;
  boolean pausedForBackPressure;
  /** How often the chunk at the head failed in a row, for the error policy. */
  int attempt;
  /** When a retry is due (System.nanoTime), or 0. */
  long retryAt;
  /** The partition's transactional producer for transactional routes, made at first use on the pool thread. */
  private TransactionalProducer transactions;

  static final int FIRST_CHUNK = 500;
  static final int MAX_CHUNK = 5_000;
  static final long CHUNK_TARGET_NANOS = 50_000_000L;

  PartitionWork(TopicPartition partition, Route route) {
    this.partition = partition;
    this.route = route;
    this.controller = route.newController();
    this.responder = route.newResponder();
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

  /** Sizes the next chunk from how long {@code messages} took: fast controllers get big chunks, slow ones small. */
  void took(int messages, long nanos) {
    if (messages > 0 && nanos > 0) {
      long fitting = CHUNK_TARGET_NANOS * messages / nanos;
      chunkLimit = (int) Math.max(1, Math.min(MAX_CHUNK, fitting));
    }
  }

  /** Buffers a fetched message. */
  void add(Message message) {
    buffered.add(message);
    bufferedBytes += size(message);
  }

  /** Whether more than {@code messages} or {@code bytes} wait here. */
  boolean over(int messages, long bytes) {
    return buffered.size() > messages || bufferedBytes > bytes;
  }

  /** The next chunk to hand out: everything buffered (a batch, or messages performed one by one in order). */
  List<Message> takeChunk(int max) {
    List<Message> chunk = new ArrayList<>(Math.min(max, buffered.size()));
    while (!buffered.isEmpty() && chunk.size() < max) {
      Message message = buffered.poll();
      bufferedBytes -= size(message);
      chunk.add(message);
    }
    return chunk;
  }

  /** Puts messages back at the head, in order: a failed chunk's rest, to be retried or skipped. */
  void putBack(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      buffered.addFirst(messages.get(i));
      bufferedBytes += size(messages.get(i));
    }
  }

  /** Drops the first message, which was skipped. */
  void dropFirst() {
    bufferedBytes -= size(buffered.removeFirst());
  }

  /** Drops everything buffered: the partition is going. */
  void clear() {
    buffered.clear();
    bufferedBytes = 0;
  }

  private static long size(Message message) {
    return (message.value() == null ? 0 : message.value().length) + (message.key() == null ? 0 : message.key().length);
  }
}
