package dev.gregor.cli.internal;

import dev.gregor.client.Gregor;
import dev.gregor.client.GroupDescription;
import dev.gregor.client.TopicMetadata;
import dev.gregor.client.UnknownTopic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code groups reset-offsets} will do: per partition, the group's committed offset now and
 * the offset it moves to, worked out with the same rules the client applies when it resets.
 */
public final class ResetPlan {
  /** One partition: the committed offset now (-1 if none) and the new one. */
  public record Row(String topic, int partition, long current, long next) {}

  private final List<Row> rows;

  private ResetPlan(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The plan for {@code group} (null when it does not exist yet) on the selected topics and partitions. */
  public static ResetPlan of(Gregor kafka, GroupDescription group, List<TopicSelection> selections, ResetTarget target) {
    Map<String, Long> committed = new HashMap<>();
    if (group != null) {
      group.offsets().forEach(p -> committed.put(p.topic() + ":" + p.partition(), p.committedOffset()));
    }
    List<Row> rows = new ArrayList<>();
    for (TopicSelection selection : selections) {
      for (int partition : partitions(kafka, selection)) {
        String topic = selection.topic();
        long current = committed.getOrDefault(topic + ":" + partition, -1L);
        long earliest = kafka.earliestOffset(topic, partition);
        long latest = kafka.latestOffset(topic, partition);
        long atTime = target.kind() == ResetTarget.Kind.TIME ? kafka.offsetForTime(topic, partition, target.time()) : -1;
        rows.add(new Row(topic, partition, current, target.resolve(topic, partition, current, earliest, latest, atTime)));
      }
    }
    return new ResetPlan(rows);
  }

  /** The plan with the offsets the cluster really committed, by topic and partition. */
  public ResetPlan applied(Map<String, Map<Integer, Long>> committedByTopic) {
    return new ResetPlan(rows.stream().map(r -> new Row(r.topic(), r.partition(), r.current(),
        committedByTopic.getOrDefault(r.topic(), Map.of()).getOrDefault(r.partition(), r.next()))).toList());
  }

  public List<Row> rows() {
    return rows;
  }

  /** The planned partitions of {@code topic}, in order. */
  public List<Row> rowsOf(String topic) {
    return rows.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  private static List<Integer> partitions(Gregor kafka, TopicSelection selection) {
    TopicMetadata metadata = kafka.topicMetadata(selection.topic());
    Set<Integer> existing = metadata.partitions().stream().map(TopicMetadata.Partition::partition).collect(Collectors.toSet());
    for (int partition : selection.partitions()) {
      if (!existing.contains(partition)) {
        throw new UnknownTopic("Partition " + partition + " of topic '" + selection.topic() + "' does not exist: it has "
            + existing.size() + (existing.size() == 1 ? " partition" : " partitions"), null);
      }
    }
    List<Integer> chosen = new ArrayList<>(selection.partitions().isEmpty() ? existing : selection.partitions());
    chosen.sort(Comparator.naturalOrder());
    return chosen.stream().distinct().toList();
  }
}
