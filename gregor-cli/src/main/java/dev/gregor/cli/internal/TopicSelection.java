package dev.gregor.cli.internal;

import java.util.ArrayList;
import java.util.List;

/** One {@code --topic} of {@code groups reset-offsets}: a topic, and optionally some of its partitions ({@code orders:0,2}). */
public record TopicSelection(String topic, List<Integer> partitions) {

  /** Parses {@code TOPIC} or {@code TOPIC:P,P...}, as kafka-consumer-groups.sh does; ':' cannot occur in a topic name. */
  public static TopicSelection parse(String text) {
    int colon = text.indexOf(':');
    String topic = colon < 0 ? text : text.substring(0, colon);
    if (topic.isBlank()) {
      throw new IllegalArgumentException("'" + text + "' names no topic; use TOPIC or TOPIC:PARTITION,PARTITION");
    }
    List<Integer> partitions = new ArrayList<>();
    if (colon >= 0) {
      for (String part : text.substring(colon + 1).split(",")) {
        try {
          int partition = Integer.parseInt(part.trim());
          if (partition < 0) {
            throw new NumberFormatException();
          }
          partitions.add(partition);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + part + "' in '" + text + "' is not a partition number; use TOPIC:0,1");
        }
      }
    }
    return new TopicSelection(topic, List.copyOf(partitions));
  }
}
