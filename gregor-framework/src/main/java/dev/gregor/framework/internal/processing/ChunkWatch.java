package dev.gregor.framework.internal.processing;

import dev.gregor.client.EventKeys;
import dev.gregor.client.Message;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.Ordering;
import dev.gregor.framework.Stall;
import dev.gregor.framework.internal.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at a listener's running chunks a few times a second, from the listener thread: a message
 * running past {@link #TAKE_BACK_AFTER_NANOS} in a parallel route gives its chunk's unstarted
 * messages back to free threads; one running past the stall timeout is reported once, with its stack.
 */
final class ChunkWatch {
  private static final Logger LOG = LoggerFactory.getLogger(ChunkWatch.class);
  /** Twenty chunk targets: a chunk this late holds messages other threads could run. */
  static final long TAKE_BACK_AFTER_NANOS = 20 * PartitionWork.CHUNK_TARGET_NANOS;
  private static final long EVERY_NANOS = 100_000_000L;

  private final String groupId;
  private final long stallNanos;
  private final Instrumentation instrumentation;
  private final Consumer<Chunk> takeBack;
  private final Set<Chunk> running = new HashSet<>();
  private long nextLook = System.nanoTime();
  private volatile List<Stall> stalls = List.of();

  ChunkWatch(String groupId, Duration stallTimeout, Instrumentation instrumentation, Consumer<Chunk> takeBack) {
    this.groupId = groupId;
    this.stallNanos = stallTimeout.toNanos();
    this.instrumentation = instrumentation;
    this.takeBack = takeBack;
  }

  void started(Chunk chunk) {
    running.add(chunk);
  }

  void finished(Chunk chunk) {
    running.remove(chunk);
  }

  /** The messages stalled at the last look; any thread. */
  List<Stall> stalls() {
    return stalls;
  }

  /** Takes back and reports what is due, at most every 100 ms. */
  void look() {
    long now = System.nanoTime();
    if (now - nextLook < 0) {
      return;
    }
    nextLook = now + EVERY_NANOS;
    List<Stall> stalled = new ArrayList<>();
    for (Chunk chunk : running) {
      Message message = chunk.current;
      long since = chunk.since;
      Thread thread = chunk.thread;
      if (message == null || since == 0 || thread == null) {
        continue;
      }
      long ran = now - since;
      if (ran > TAKE_BACK_AFTER_NANOS && chunk.work.route.ordering() != Ordering.PARTITION
          && !chunk.work.route.batchMode() && chunk.end > 0) {
        takeBack.accept(chunk);
      }
      if (ran > stallNanos) {
        Stall stall = new Stall(message.topic(), message.partition(), message.offset(),
            message.key() == null ? null : new String(message.key(), StandardCharsets.UTF_8), thread.getName(),
            Duration.ofNanos(ran));
        stalled.add(stall);
        if (chunk.reportedStall != message) {
          chunk.reportedStall = message;
          report(stall, thread);
        }
      }
    }
    stalls = stalled.isEmpty() ? List.of() : List.copyOf(stalled);
  }

  private void report(Stall stall, Thread thread) {
    String stack = Arrays.stream(thread.getStackTrace()).map(frame -> "\tat " + frame)
        .collect(Collectors.joining(System.lineSeparator()));
    LOG.warn("Group '{}': {}/{}@{} (key {}) has been running for {} on {}, longer than the stall timeout:{}{}",
        groupId, stall.topic(), stall.partition(), stall.offset(), stall.key(), stall.running(), stall.thread(),
        System.lineSeparator(), stack);
    instrumentation.event(ChunkWatch.class, FrameworkEvent.STALL, "stall", EventKeys.GROUP_ID, groupId,
        EventKeys.TOPIC, stall.topic(), EventKeys.PARTITION, stall.partition(), EventKeys.OFFSET, stall.offset(),
        EventKeys.KEY, stall.key(), FrameworkEvent.THREAD, stall.thread(), FrameworkEvent.RUNNING_MS,
        stall.running().toMillis());
  }
}
