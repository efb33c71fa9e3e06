package dev.gregor.cli.internal;

import dev.gregor.client.Consume;
import dev.gregor.client.Gregor;
import dev.gregor.client.Offset;
import dev.gregor.client.TopicMetadata;
import dev.gregor.client.UnknownTopic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads chosen partitions from chosen offsets ({@code --partition}, {@code --offset N|-N|@TIME})
 * without a group: the offsets are worked out here, then one long-lived consumer per topic
 * reads them ({@link Consume#fromOffsets}).
 */
public final class PartitionReader implements MessageReader {
  private final TopicReader reader;

  private PartitionReader(TopicReader reader) {
    this.reader = reader;
  }

  /**
   * Finds where to start in each partition ({@code partitions} empty means all); throws
   * {@link UnknownTopic} naming a topic or partition that does not exist.
   */
  public static PartitionReader at(Gregor kafka, List<String> topics, List<Integer> partitions, StartOffset start,
      boolean exitAtEnd) {
    Map<String, Consume> consumes = new LinkedHashMap<>();
    for (String topic : topics) {
      TopicMetadata metadata = kafka.topicMetadata(topic);
      Set<Integer> existing = metadata.partitions().stream().map(TopicMetadata.Partition::partition).collect(Collectors.toSet());
      List<Integer> chosen = partitions.isEmpty() ? existing.stream().sorted().collect(Collectors.toList()) : partitions;
      Map<Integer, Offset> offsets = new LinkedHashMap<>();
      for (int partition : chosen) {
        if (!existing.contains(partition)) {
          throw new UnknownTopic("Partition " + partition + " of topic '" + topic + "' does not exist: it has "
              + existing.size() + " partitions (0-" + (existing.size() - 1) + ")", null);
        }
        long earliest = kafka.earliestOffset(topic, partition);
        long latest = kafka.latestOffset(topic, partition);
        offsets.put(partition, Offset.at(start.resolve(earliest, latest, time -> kafka.offsetForTime(topic, partition, time))));
      }
      Consume consume = Consume.fromOffsets(offsets);
      consumes.put(topic, exitAtEnd ? consume.exitAtEnd() : consume);
    }
    return new PartitionReader(new TopicReader(kafka, consumes));
  }

  @Override
  public void run(MessageSink sink) {
    reader.run(sink);
  }

  @Override
  public void stop() {
    reader.stop();
  }
}
