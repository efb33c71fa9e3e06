package dev.gregor.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that happened to one topic in a scenario: records the producers attempted and Kafka
 * acknowledged, records consumers processed, offsets their groups committed. Thread-safe;
 * {@link #check(String)} turns it into a {@link Report}.
 *
 * <pre>{@code
 * History history = new History();
 * history.attempted(record);  ...  history.acknowledged(record, delivered.partition(), delivered.offset());
 * history.processed("member-1", message.partition(), message.offset(), Sequenced.parse(message.value()));
 * history.check("leader kills").assertHolds(Guarantee.IDEMPOTENT_PRODUCER);
 * }</pre>
 */
public final class History implements Recorder {
  private final Set<Events.Id> attempted = new HashSet<>();
  private final List<Events.Acked> acked = new ArrayList<>();
  private final Set<Events.Id> expected = new HashSet<>();
  private final List<Events.Processed> processed = new ArrayList<>();
  private final List<Events.Committed> committed = new ArrayList<>();

  /** A producer is about to write {@code record}. */
  public synchronized void attempted(Sequenced record) {
    attempted.add(new Events.Id(record.key(), record.seq()));
  }

  /** Kafka acknowledged {@code record} at {@code partition}/{@code offset}. */
  public synchronized void acknowledged(Sequenced record, int partition, long offset) {
    attempted.add(new Events.Id(record.key(), record.seq()));
    acked.add(new Events.Acked(record.key(), record.seq(), partition, offset));
  }

  /**
   * {@code record} must reach this topic, at a position nobody knows in advance: the output of a
   * consume-transform-produce step, whose input was acknowledged elsewhere.
   */
  public synchronized void expected(Sequenced record) {
    expected.add(new Events.Id(record.key(), record.seq()));
  }

  /** The records acknowledged so far, in the order of their acknowledgements. */
  public synchronized List<Sequenced> acknowledgedRecords() {
    return acked.stream().map(a -> new Sequenced(a.key(), a.seq())).toList();
  }

  @Override
  public void processed(String member, int partition, long offset, Sequenced record) {
    processed(member, partition, offset, record, Journal.nowMicros());
  }

  /** As {@link #processed(String, int, long, Sequenced)}, at {@code atMicros} since the epoch. */
  public synchronized void processed(String member, int partition, long offset, Sequenced record, long atMicros) {
    Objects.requireNonNull(member, "member");
    processed.add(new Events.Processed(member, partition, offset, record == null ? null : record.key(),
        record == null ? -1 : record.seq(), atMicros));
  }

  @Override
  public void committed(String member, int partition, long offset) {
    committed(member, partition, offset, Journal.nowMicros());
  }

  /** As {@link #committed(String, int, long)}, at {@code atMicros} since the epoch. */
  public synchronized void committed(String member, int partition, long offset, long atMicros) {
    committed.add(new Events.Committed(Objects.requireNonNull(member, "member"), partition, offset, atMicros));
  }

  /**
   * Records one line a {@link Journal} wrote; returns false (and records nothing) for a line that
   * is not a journal line, so a child's other output can be passed through.
   */
  public boolean replay(String line) {
    String[] f = line.trim().split(" ");
    try {
      if (f.length == 7 && f[0].equals(Journal.PROCESSED)) {
        Sequenced record = f[4].equals(Journal.UNDECODABLE) ? null : new Sequenced(f[4], Long.parseLong(f[5]));
        processed(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), record, Long.parseLong(f[6]));
        return true;
      }
      if (f.length == 5 && f[0].equals(Journal.COMMITTED)) {
        committed(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
        return true;
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a journal line: '" + line + "'", e);
    }
    return false;
  }

  /** Records acknowledged so far. */
  public synchronized int acknowledgedCount() {
    return acked.size();
  }

  /** Distinct records (by key and sequence number) processed so far. */
  public synchronized long processedCount() {
    return processed.stream().filter(p -> p.key() != null).map(p -> new Events.Id(p.key(), p.seq())).distinct().count();
  }

  /** Processing events so far, repeats included. */
  public synchronized int processingEvents() {
    return processed.size();
  }

  /** The partitions consumers processed records of so far. */
  public synchronized Set<Integer> processedPartitions() {
    Set<Integer> partitions = new HashSet<>();
    processed.forEach(p -> partitions.add(p.partition()));
    return partitions;
  }

  /** Commits recorded so far. */
  public synchronized int commitCount() {
    return committed.size();
  }

  /** Analyses everything recorded so far. */
  public synchronized Report check(String scenario) {
    return Analysis.run(scenario, Set.copyOf(attempted), List.copyOf(acked), Set.copyOf(expected), List.copyOf(processed),
        List.copyOf(committed));
  }
}
