package dev.gregor.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the group-less {@link Gregor#eachMessage(String, Consume, MessageHandler)} reads: from the
 * beginning (the default, as the console consumer's {@code --from-beginning}) or the end, or —
 * like kcat's {@code -p N -o OFFSET} — only some partitions, each from its own offset; and
 * whether it returns at the end of the partitions (kcat {@code -e}).
 */
public final class Consume {
  private final boolean fromBeginning;
  private final boolean exitAtEnd;
  private final Set<Integer> partitions;
  private final Map<Integer, Offset> offsets;
  private final boolean readCommitted;

  private Consume(boolean fromBeginning, boolean exitAtEnd, Set<Integer> partitions, Map<Integer, Offset> offsets,
      boolean readCommitted) {
    this.fromBeginning = fromBeginning;
    this.exitAtEnd = exitAtEnd;
    this.partitions = partitions;
    this.offsets = offsets;
    this.readCommitted = readCommitted;
  }

  /** Every message still in the topic, then new ones. */
  public static Consume fromBeginning() {
    return new Consume(true, false, Set.of(), Map.of(), false);
  }

  /** Only messages written from now on. */
  public static Consume fromEnd() {
    return new Consume(false, false, Set.of(), Map.of(), false);
  }

  /**
   * Only these partitions, each from its offset: {@code Consume.fromOffsets(Map.of(0, Offset.at(42),
   * 3, Offset.EARLIEST))}. An exact offset must lie within the partition (its end included, to
   * wait for new messages); reading fails at the start, naming the range, when it does not.
   */
  public static Consume fromOffsets(Map<Integer, Offset> offsets) {
    Objects.requireNonNull(offsets, "offsets");
    if (offsets.isEmpty()) {
      throw new IllegalArgumentException("fromOffsets needs at least one partition and its offset");
    }
    Map<Integer, Offset> copy = new LinkedHashMap<>();
    new TreeSet<>(offsets.keySet()).forEach(p -> copy.put(checked(p), Objects.requireNonNull(offsets.get(p), "offset of " + p)));
    return new Consume(true, false, Collections.unmodifiableSet(copy.keySet()), Collections.unmodifiableMap(copy), false);
  }

  /** Reads only these partitions of the topic (all when none are given), from the beginning or the end as chosen. */
  public Consume partitions(int... partitions) {
    if (!offsets.isEmpty()) {
      throw new IllegalStateException("fromOffsets already names the partitions to read");
    }
    Set<Integer> chosen = new TreeSet<>();
    for (int partition : partitions) {
      chosen.add(checked(partition));
    }
    return new Consume(fromBeginning, exitAtEnd, Collections.unmodifiableSet(chosen), offsets, readCommitted);
  }

  /** Returns once every partition's end, as it was when reading started, has been reached. */
  public Consume exitAtEnd() {
    return new Consume(fromBeginning, true, partitions, offsets, readCommitted);
  }

  /**
   * Reads only committed transactional messages ({@code isolation.level=read_committed}): never
   * those of aborted transactions, and nothing past a transaction still open.
   */
  public Consume readCommitted() {
    return new Consume(fromBeginning, exitAtEnd, partitions, offsets, true);
  }

  /** Whether reading starts at each partition's earliest offset rather than its end. */
  public boolean startsFromBeginning() {
    return fromBeginning;
  }

  /** Whether reading stops once every partition's end (as of the start) is reached. */
  public boolean exitsAtEnd() {
    return exitAtEnd;
  }

  /** The partitions to read, in order; empty for every partition the topic has when reading starts. */
  public Set<Integer> partitions() {
    return partitions;
  }

  /** Where each partition starts, with {@link #fromOffsets}; empty when all start at the beginning or the end. */
  public Map<Integer, Offset> offsets() {
    return offsets;
  }

  /** Whether only committed transactional messages are read (default false: all, as Kafka's default). */
  public boolean readsCommitted() {
    return readCommitted;
  }

  private static int checked(int partition) {
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be 0 or more, was " + partition);
    }
    return partition;
  }
}
