package dev.gregor.framework.internal;

import java.util.regex.Pattern;

/** Kafka's rules for topic names (seed: "Topics names are being validated because Kafka does not accept some characters"). */
public final class TopicNames {
  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");
  private static final int MAX_LENGTH = 249;

  private TopicNames() {}

  /** Why Kafka would refuse {@code topic}, or null when it is legal. */
  public static String problem(String topic) {
    if (topic == null || topic.isEmpty()) {
      return "is empty";
    }
    if (topic.equals(".") || topic.equals("..")) {
      return "is not a legal topic name ('.' and '..' are reserved)";
    }
    if (topic.length() > MAX_LENGTH) {
      return "is longer than Kafka's " + MAX_LENGTH + " characters";
    }
    if (!LEGAL.matcher(topic).matches()) {
      return "has characters Kafka refuses: topic names use only letters, digits, '.', '_' and '-'";
    }
    return null;
  }
}
