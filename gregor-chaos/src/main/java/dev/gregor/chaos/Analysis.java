package dev.gregor.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The checker's logic: from what was recorded to counts and examples of each violation. */
final class Analysis {
  private static final int EXAMPLES = 5;

  private final Map<Violation, Long> counts = new EnumMap<>(Violation.class);
  private final Map<Violation, List<String>> examples = new EnumMap<>(Violation.class);
  /** What consumers and acknowledgements say is stored where: partition, then offset. */
  private final Map<Integer, TreeMap<Long, Events.Id>> log = new TreeMap<>();
  private final Map<Integer, Set<Long>> processedOffsets = new HashMap<>();

  private Analysis() {}

  static Report run(String scenario, Set<Events.Id> attempted, List<Events.Acked> acked, Set<Events.Id> expected,
                    List<Events.Processed> processed, List<Events.Committed> committed) {
    Analysis analysis = new Analysis();
    for (Violation violation : Violation.values()) {
      analysis.counts.put(violation, 0L);
    }
    analysis.buildLog(acked, processed);
    analysis.lost(acked, expected, processed);
    analysis.duplicatedInLog();
    analysis.processedTwice(processed);
    analysis.reordered();
    analysis.processedOutOfKeyOrder(processed);
    analysis.committedUnprocessed(committed);
    analysis.processedAfterCommit(processed, committed);
    Set<Events.Id> ackedIds = new HashSet<>();
    acked.forEach(a -> ackedIds.add(new Events.Id(a.key(), a.seq())));
    long unackedWritten = analysis.log.values().stream().flatMap(p -> p.values().stream()).distinct()
        .filter(id -> attempted.contains(id) && !ackedIds.contains(id)).count();
    long read = analysis.processedOffsets.values().stream().mapToLong(Set::size).sum();
    Set<Events.Id> mustArrive = new HashSet<>(ackedIds);
    mustArrive.addAll(expected);
    return new Report(scenario, attempted.size(), mustArrive.size(), read, unackedWritten, analysis.counts, analysis.examples);
  }

  private void buildLog(List<Events.Acked> acked, List<Events.Processed> processed) {
    for (Events.Acked a : acked) {
      log.computeIfAbsent(a.partition(), p -> new TreeMap<>()).put(a.offset(), new Events.Id(a.key(), a.seq()));
    }
    for (Events.Processed p : processed) {
      processedOffsets.computeIfAbsent(p.partition(), x -> new HashSet<>()).add(p.offset());
      if (p.key() != null) {
        log.computeIfAbsent(p.partition(), x -> new TreeMap<>()).put(p.offset(), new Events.Id(p.key(), p.seq()));
      }
    }
  }

  private void lost(List<Events.Acked> acked, Set<Events.Id> expected, List<Events.Processed> processed) {
    Set<Events.Id> seen = new HashSet<>();
    processed.stream().filter(p -> p.key() != null).forEach(p -> seen.add(new Events.Id(p.key(), p.seq())));
    Set<Events.Id> counted = new HashSet<>();
    for (Events.Acked a : acked) {
      Events.Id id = new Events.Id(a.key(), a.seq());
      if (!seen.contains(id) && counted.add(id)) {
        found(Violation.LOST, id.key() + ":" + id.seq() + " acknowledged at " + a.partition() + "/" + a.offset()
            + ", never processed");
      }
    }
    expected.stream().filter(id -> !seen.contains(id) && counted.add(id))
        .sorted(Comparator.comparing(Events.Id::key).thenComparingLong(Events.Id::seq))
        .forEach(id -> found(Violation.LOST, id.key() + ":" + id.seq() + " expected, never processed"));
  }

  private void duplicatedInLog() {
    Map<Events.Id, List<String>> positions = new HashMap<>();
    log.forEach((partition, offsets) -> offsets.forEach((offset, id) ->
        positions.computeIfAbsent(id, x -> new ArrayList<>()).add(partition + "/" + offset)));
    positions.forEach((id, at) -> {
      for (int copy = 1; copy < at.size(); copy++) {
        found(Violation.DUPLICATED_IN_LOG, id.key() + ":" + id.seq() + " stored at " + at);
      }
    });
  }

  private void processedTwice(List<Events.Processed> processed) {
    Map<String, List<String>> byPosition = new HashMap<>();
    for (Events.Processed p : processed) {
      byPosition.computeIfAbsent(p.partition() + "/" + p.offset(), x -> new ArrayList<>()).add(p.member());
    }
    byPosition.forEach((position, members) -> {
      for (int repeat = 1; repeat < members.size(); repeat++) {
        found(Violation.PROCESSED_TWICE, position + " processed by " + members);
      }
    });
  }

  private void reordered() {
    log.forEach((partition, offsets) -> {
      Map<String, Long> highest = new HashMap<>();
      Set<Events.Id> seen = new HashSet<>();
      offsets.forEach((offset, id) -> {
        Long max = highest.get(id.key());
        if (max != null && id.seq() < max && !seen.contains(id)) {
          found(Violation.REORDERED, id.key() + ":" + id.seq() + " at " + partition + "/" + offset
              + " after " + id.key() + ":" + max);
        }
        seen.add(id);
        highest.merge(id.key(), id.seq(), Math::max);
      });
    });
  }

  private void processedOutOfKeyOrder(List<Events.Processed> processed) {
    Map<Integer, Map<Long, Long>> firstDone = new HashMap<>();
    for (Events.Processed p : processed) {
      firstDone.computeIfAbsent(p.partition(), x -> new HashMap<>()).merge(p.offset(), p.at(), Math::min);
    }
    log.forEach((partition, offsets) -> {
      Map<Long, Long> done = firstDone.getOrDefault(partition, Map.of());
      Map<String, Long> latestEarlier = new HashMap<>(); // per key: the latest first-finish of its earlier records
      Map<String, Long> latestOffset = new HashMap<>();
      offsets.forEach((offset, id) -> {
        Long at = done.get(offset);
        if (at == null) {
          return; // never processed: counted as lost if it had to arrive
        }
        Long earlier = latestEarlier.get(id.key());
        if (earlier != null && at < earlier) {
          found(Violation.PROCESSED_OUT_OF_KEY_ORDER, partition + "/" + offset + " (" + id.key() + ") finished before "
              + partition + "/" + latestOffset.get(id.key()) + " of the same key");
        }
        if (earlier == null || at > earlier) {
          latestEarlier.put(id.key(), at);
          latestOffset.put(id.key(), offset);
        }
      });
    });
  }

  private void committedUnprocessed(List<Events.Committed> committed) {
    Map<Integer, Long> highestCommit = new HashMap<>();
    committed.forEach(c -> highestCommit.merge(c.partition(), c.offset(), Math::max));
    highestCommit.forEach((partition, commit) -> {
      Set<Long> known = new HashSet<>(log.getOrDefault(partition, new TreeMap<>()).headMap(commit).keySet());
      Set<Long> done = processedOffsets.getOrDefault(partition, Set.of());
      known.addAll(done);
      known.stream().filter(offset -> offset < commit && !done.contains(offset)).sorted().forEach(offset ->
          found(Violation.COMMITTED_UNPROCESSED, partition + "/" + offset + " below committed " + commit + ", never processed"));
    });
  }

  private void processedAfterCommit(List<Events.Processed> processed, List<Events.Committed> committed) {
    Map<Integer, List<Events.Committed>> byPartition = new HashMap<>();
    committed.stream().sorted(Comparator.comparingLong(Events.Committed::at))
        .forEach(c -> byPartition.computeIfAbsent(c.partition(), x -> new ArrayList<>()).add(c));
    // For each partition, the highest commit made up to each point in time.
    Map<Integer, List<Events.Committed>> highestSoFar = new HashMap<>();
    byPartition.forEach((partition, commits) -> {
      List<Events.Committed> highest = new ArrayList<>(commits.size());
      for (Events.Committed c : commits) {
        Events.Committed previous = highest.isEmpty() ? null : highest.get(highest.size() - 1);
        highest.add(previous != null && previous.offset() >= c.offset()
            ? new Events.Committed(previous.member(), partition, previous.offset(), c.at()) : c);
      }
      highestSoFar.put(partition, highest);
    });
    for (Events.Processed p : processed) {
      List<Events.Committed> highest = highestSoFar.getOrDefault(p.partition(), List.of());
      int before = lastBefore(highest, p.at());
      if (before >= 0 && highest.get(before).offset() > p.offset()) {
        Events.Committed ahead = highest.get(before);
        found(Violation.PROCESSED_AFTER_COMMIT, p.partition() + "/" + p.offset() + " processed by " + p.member()
            + " after " + ahead.member() + " committed " + ahead.offset());
      }
    }
  }

  /** The index of the last commit strictly before {@code at}, or -1. */
  private static int lastBefore(List<Events.Committed> commits, long at) {
    int low = 0;
    int high = commits.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (commits.get(middle).at() < at) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  private void found(Violation violation, String example) {
    counts.merge(violation, 1L, Long::sum);
    List<String> list = examples.computeIfAbsent(violation, v -> new ArrayList<>());
    if (list.size() < EXAMPLES) {
      list.add(example);
    }
  }
}
