package dev.gregor.client.internal.names;

/** Kafka's topic-name rules, checked before anything is buffered or sent. */
public final class TopicNames {
  private static final int MAX_LENGTH = 249;

  private TopicNames() {}

  /** Throws {@link IllegalArgumentException} naming {@code topic} if Kafka would refuse it. */
  public static void check(String topic) {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("topic must be a non-empty name, was " + (topic == null ? "null" : "''"));
    }
    if (topic.length() > MAX_LENGTH || !legalCharacters(topic) || topic.equals(".") || topic.equals("..")) {
      throw new IllegalArgumentException("topic '" + topic + "' is not a valid Kafka topic name: "
          + "at most 249 characters of letters, digits, '.', '_' and '-'");
    }
  }

  /**
   * Checks like {@link #check}, skipping a topic that is the very string checked last: producers
   * are handed the same constant message after message. A racy field is safe here, as a string
   * that passed stays valid; at worst a name is checked again.
   */
  public static final class LastChecked {
    private String last;

    public void check(String topic) {
      if (topic != last) {
        TopicNames.check(topic);
        last = topic;
      }
    }
  }

  /** Hand-written rather than a regex: this runs once per produced message. */
  private static boolean legalCharacters(String topic) {
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      if (!legal) {
        return false;
      }
    }
    return true;
  }
}
