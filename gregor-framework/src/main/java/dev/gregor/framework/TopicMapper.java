package dev.gregor.framework;

import java.util.Objects;

/**
 * Hides a provider's topic prefixes or suffixes (seed: "Topic mappers"): routes, responders, jobs
 * and dead letters use the clean name; Kafka sees {@link #outgoing}'s.
 */
public interface TopicMapper {
  /** The clean name of a topic as Kafka names it, e.g. {@code my_topic} for {@code karafka.my_topic}. */
  String incoming(String topic);

  /** Kafka's name for a clean topic name, e.g. {@code karafka.my_topic} for {@code my_topic}. */
  String outgoing(String topic);

  /** The mapper that changes nothing, the default. */
  static TopicMapper identity() {
    return new TopicMapper() {
      @Override
      public String incoming(String topic) {
        return topic;
      }

      @Override
      public String outgoing(String topic) {
        return topic;
      }

      @Override
      public String toString() {
        return "identity";
      }
    };
  }

  /** The seed's example mapper: Kafka's names are {@code prefix + "." + topic}. */
  static TopicMapper prefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isBlank()) {
      throw new IllegalArgumentException("prefix must not be blank");
    }
    String dotted = prefix + ".";
    return new TopicMapper() {
      @Override
      public String incoming(String topic) {
        return topic.startsWith(dotted) ? topic.substring(dotted.length()) : topic;
      }

      @Override
      public String outgoing(String topic) {
        return dotted + topic;
      }

      @Override
      public String toString() {
        return "prefix(" + prefix + ")";
      }
    };
  }
}
