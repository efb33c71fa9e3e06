package dev.gregor.client.internal;

import java.util.regex.Pattern;

/** Kafka's topic-name rules, checked before anything is buffered or sent. */
public final class TopicNames {
  private static final int MAX_LENGTH = 249;
  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

  private TopicNames() {}

  /** Throws {@link IllegalArgumentException} naming {@code topic} if Kafka would refuse it. */
  public static void check(String topic) {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("topic must be a non-empty name, was " + (topic == null ? "null" : "''"));
    }
    if (topic.length() > MAX_LENGTH || !LEGAL.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new IllegalArgumentException("topic '" + topic + "' is not a valid Kafka topic name: "
          + "at most 249 characters of letters, digits, '.', '_' and '-'");
    }
  }
}
