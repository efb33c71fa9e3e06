package dev.gregor.framework.internal.processing;

import dev.gregor.client.GroupConsumer;
import dev.gregor.client.TopicPartition;
import dev.gregor.framework.internal.reporting.PartitionState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other threads ask of a listener for reports and commands. Partition state belongs to the listener thread, so
 * commanded pauses wait in a queue for the listener's next turn, and the listener copies its partitions for the
 * reporter — only once a reporter asked, so apps without reporting pay nothing.
 */
final class ListenerControl {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerControl.class);
  private static final long REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private record Request(String topic, int partition, boolean pause) {}

  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
  private volatile boolean watched;
  private volatile List<PartitionState> partitions = List.of();
  private long refreshedAt;

  /** Any thread: pause or resume {@code topic}'s {@code partition} at the listener's next turn. */
  void request(String topic, int partition, boolean pause) {
    requests.add(new Request(topic, partition, pause));
  }

  /** Any thread: the last copy of the listener's partitions; from the first call on, the listener keeps it fresh. */
  List<PartitionState> partitions() {
    watched = true;
    return partitions;
  }

  /** Listener thread: carries out the requested pauses and resumes. */
  void apply(Map<TopicPartition, PartitionWork> works, GroupConsumer consumer) {
    for (Request request = requests.poll(); request != null; request = requests.poll()) {
      PartitionWork work = works.get(new TopicPartition(request.topic(), request.partition()));
      if (work == null) {
        LOG.info("{} of {}/{} ignored: the partition is not assigned here", request.pause() ? "Pause" : "Resume",
            request.topic(), request.partition());
        continue;
      }
      if (request.pause() && !work.pausedByCommand) {
        work.pausedByCommand = true;
        consumer.pause(request.topic(), request.partition());
      } else if (!request.pause() && work.pausedByCommand) {
        work.pausedByCommand = false;
        if (!work.held()) { // back-pressure, a delay or quiet keep it paused; they resume it themselves
          consumer.resume(request.topic(), request.partition());
        }
      }
      refreshedAt = System.nanoTime() - REFRESH_NANOS; // copied again at once: the next report shows it carried out
    }
  }

  /** Listener thread: copies the partitions for the reporter, at most twice a second, once one asked. */
  void refresh(String group, Map<TopicPartition, PartitionWork> works, GroupConsumer consumer) {
    long now = System.nanoTime();
    if (!watched || now - refreshedAt < REFRESH_NANOS) {
      return;
    }
    refreshedAt = now;
    Map<TopicPartition, Long> unread = consumer.lag(); // the consumer's own view: no broker call
    List<PartitionState> copy = new ArrayList<>(works.size());
    for (PartitionWork work : works.values()) {
      copy.add(state(group, work, unread.get(work.partition)));
    }
    copy.sort(Comparator.comparing(PartitionState::topic).thenComparingInt(PartitionState::partition));
    partitions = List.copyOf(copy);
  }

  private static PartitionState state(String group, PartitionWork work, Long unread) {
    long committed = work.nextMarked >= 0 ? work.nextMarked : work.firstFetched;
    long lag;
    if (unread == null) {
      lag = -1;
    } else if (work.nextFetched < 0) {
      lag = unread; // nothing fetched yet: the position is still where the group's commit left it
    } else {
      lag = unread + (work.nextFetched - committed); // not yet read, plus read but not yet finished
    }
    return new PartitionState(group, work.partition.topic(), work.partition.partition(), work.pausedByCommand,
        committed, lag);
  }
}
