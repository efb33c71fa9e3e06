package dev.gregor.cli.internal;

import dev.gregor.client.Fetch;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.client.TopicMetadata;
import dev.gregor.client.UnknownTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads chosen partitions from chosen offsets without a group, by repeated
 * {@link Gregor#fetch}es: the client's group-less eachMessage starts only at the beginning or
 * the end, and its consumer has no seek yet. A few worker threads share the partitions.
 */
public final class PartitionReader implements MessageReader {
  private static final Duration MAX_WAIT = Duration.ofMillis(500);
  private static final int MAX_BYTES = 1024 * 1024;
  private static final int WORKERS = 8;

  /** Where reading one partition stands. */
  private static final class Position {
    final String topic;
    final int partition;
    final long end;
    long next;
    boolean done;

    Position(String topic, int partition, long next, long end) {
      this.topic = topic;
      this.partition = partition;
      this.next = next;
      this.end = end;
    }
  }

  private final Gregor kafka;
  private final List<Position> positions;
  private final boolean exitAtEnd;
  private volatile boolean stopped;
  private RuntimeException failure;

  private PartitionReader(Gregor kafka, List<Position> positions, boolean exitAtEnd) {
    this.kafka = kafka;
    this.positions = positions;
    this.exitAtEnd = exitAtEnd;
  }

  /**
   * Finds where to start in each partition ({@code partitions} empty means all); throws
   * {@link UnknownTopic} naming a topic or partition that does not exist.
   */
  public static PartitionReader at(Gregor kafka, List<String> topics, List<Integer> partitions, StartOffset start,
      boolean exitAtEnd) {
    List<Position> positions = new ArrayList<>();
    for (String topic : topics) {
      TopicMetadata metadata = kafka.topicMetadata(topic);
      Set<Integer> existing = metadata.partitions().stream().map(TopicMetadata.Partition::partition).collect(Collectors.toSet());
      List<Integer> chosen = partitions.isEmpty() ? existing.stream().sorted().collect(Collectors.toList()) : partitions;
      for (int partition : chosen) {
        if (!existing.contains(partition)) {
          throw new UnknownTopic("Partition " + partition + " of topic '" + topic + "' does not exist: it has "
              + existing.size() + " partitions (0-" + (existing.size() - 1) + ")", null);
        }
        long earliest = kafka.earliestOffset(topic, partition);
        long latest = kafka.latestOffset(topic, partition);
        long next = start.resolve(earliest, latest, time -> kafka.offsetForTime(topic, partition, time));
        positions.add(new Position(topic, partition, next, latest));
      }
    }
    return new PartitionReader(kafka, positions, exitAtEnd);
  }

  @Override
  public void run(MessageSink sink) {
    int workers = Math.min(WORKERS, positions.size());
    List<List<Position>> shares = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      shares.add(new ArrayList<>());
    }
    for (int i = 0; i < positions.size(); i++) {
      shares.get(i % workers).add(positions.get(i));
    }
    List<Thread> helpers = new ArrayList<>();
    for (List<Position> share : shares.subList(1, shares.size())) {
      Thread helper = new Thread(() -> read(share, sink), "gregor-consume-partitions");
      helper.setDaemon(true);
      helpers.add(helper);
      helper.start();
    }
    if (!shares.isEmpty()) {
      read(shares.get(0), sink);
    }
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        stop();
        Thread.currentThread().interrupt();
        break;
      }
    }
    synchronized (this) {
      if (failure != null) {
        throw failure;
      }
    }
  }

  private void read(List<Position> share, MessageSink sink) {
    try {
      boolean active = true;
      while (active && !stopped && sink.wantsMore()) {
        active = false;
        for (Position position : share) {
          if (!position.done && !stopped) {
            readOnce(position, sink);
            active |= !position.done;
          }
        }
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        failure = failure == null ? e : failure;
      }
    }
    if (failed() || !sink.wantsMore()) {
      stop();
    }
  }

  private synchronized boolean failed() {
    return failure != null;
  }

  private void readOnce(Position position, MessageSink sink) {
    if (exitAtEnd && position.next >= position.end) {
      position.done = true;
      return;
    }
    Fetch fetch = kafka.fetch(position.topic, position.partition, Offset.at(position.next), 1, MAX_WAIT, MAX_BYTES);
    for (Message message : fetch.messages()) {
      if (stopped || !sink.accept(message)) {
        position.done = true;
        return;
      }
      position.next = message.offset() + 1;
    }
    // An empty fetch below the end means only transaction markers or aborted messages remain there.
    if (exitAtEnd && (fetch.messages().isEmpty() || position.next >= position.end)) {
      position.done = true;
    }
  }

  @Override
  public void stop() {
    stopped = true; // each fetch is bounded by MAX_WAIT, so workers notice soon
  }
}
