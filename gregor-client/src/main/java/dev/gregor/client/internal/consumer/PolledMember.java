package dev.gregor.client.internal.consumer;

import dev.gregor.client.ConsumerSettings;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * What the loops over a group member — {@link HandlerLoop}, {@link EventPoller}, {@link EventPump},
 * {@link MessageSpliterator}, {@link MessagePublisher}, {@link MarkRun} — may do with it: poll,
 * hand records back, mark and report processing, and read its settings and partition state.
 * {@link GroupMember} implements it; no loop reaches into the member's fields.
 */
public interface PolledMember {
  String groupId();

  ConsumerSettings settings();

  ConsumerEvents events();

  /** Pauses, seeks, retries, held partitions and back-pressure. */
  PartitionControl partitions();

  Rebalances rebalances();

  /** Binds the calling thread as the poller, checks the topics exist and joins the group; once. */
  void start(boolean eventMode);

  /** Runs what other threads asked of the member (pauses, seeks, marks, commits), as each poll does first. */
  void runQueuedCommands();

  /** One step: queued commands, ended pauses, due commits, then a poll; empty once stop was asked. */
  ConsumerRecords<byte[], byte[]> pollOnce(Duration timeout);

  /** Whether fetched records may still be handed out: the group can still count this member in. */
  boolean inGroup();

  /** Hands out nothing more of {@code records} from {@code from} at {@code offset} (null: from the start) on. */
  void holdBack(ConsumerRecords<byte[], byte[]> records, TopicPartition from, long offset);

  /** Marks a run of {@code count} processed messages of one partition, up to (not including) {@code nextOffset}. */
  void mark(TopicPartition partition, long nextOffset, int count);

  /** Registers what holds marks not yet given to {@link #mark}, to flush before they are committed. */
  void flushMarksWith(Runnable flush);

  /** A message of {@code partition} was processed: its retry count and its pause backoff start over. */
  void processed(TopicPartition partition);

  /** The handler failed at {@code offset}; returns which attempt at that message this was, from 1. */
  int failed(TopicPartition partition, long offset);

  /** The failed message at the head of {@code partition} is skipped: its retry count starts over. */
  void skipped(TopicPartition partition);

  long lag(TopicPartition partition);

  /** The partition's end as of the last fetch. */
  long highWatermark(TopicPartition partition);

  long position(TopicPartition partition);

  boolean stopRequested();

  /** Asks the poller to finish the current message or batch, commit and leave; any thread may call it. */
  void stop();

  boolean isClosed();

  /** Commits processed offsets and leaves the group; on the polling thread. */
  void close();
}
