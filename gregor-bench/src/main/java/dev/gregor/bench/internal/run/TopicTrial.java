package dev.gregor.bench.internal.run;

import java.util.Map;

/**
 * A producer run on a fresh topic: create the topic and the client, time the work, check that
 * every record arrived, then close the client and delete the topic (none of which is timed).
 */
public final class TopicTrial {
  private TopicTrial() {}

  public static Trial of(Topics topics, String topicPrefix, int partitions, long records, Session.Opener opener) {
    return () -> {
      String topic = topics.create(topicPrefix, partitions);
      try {
        double seconds;
        try (Session session = opener.open(topic)) {
          long start = System.nanoTime();
          session.run();
          seconds = (System.nanoTime() - start) / 1e9;
        }
        long written = topics.endOffsetSum(topic);
        if (written != records) {
          throw new IllegalStateException("topic '" + topic + "' holds " + written + " records, expected " + records);
        }
        return Map.of(Metric.THROUGHPUT.name(), records / seconds);
      } finally {
        topics.delete(topic);
      }
    };
  }
}
