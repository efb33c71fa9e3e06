package dev.gregor.cli.internal;

import dev.gregor.client.Gregor;
import dev.gregor.client.GregorException;
import dev.gregor.client.UnknownTopic;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks topic names against the cluster before a command starts. The "did you mean 'orders'?"
 * comes from the client: its {@link UnknownTopic} and {@code UnknownGroup} carry the close names.
 */
public final class KnownNames {
  private KnownNames() {}

  /** Throws the client's {@link UnknownTopic}, with close names, for the first of {@code topics} the cluster does not have. */
  public static void requireTopics(Gregor kafka, Collection<String> topics) {
    Set<String> existing = new HashSet<>(kafka.topics().list(true));
    for (String topic : topics) {
      if (!existing.contains(topic)) {
        try {
          kafka.topicMetadata(topic); // fails naming the close topics, unless the topic was created meanwhile
        } catch (UnknownTopic e) {
          throw new UnknownTopic(topic, "Topic '" + topic + "' does not exist" + hint(e.didYouMean()), e.suggestions(), e);
        }
      }
    }
  }

  /** Whether the cluster has {@code topic}; {@code true} when that cannot be told. */
  public static boolean topicExists(Gregor kafka, String topic) {
    try {
      return kafka.topics().list(true).contains(topic) || kafka.topicMetadata(topic) != null;
    } catch (UnknownTopic e) {
      return false;
    } catch (GregorException e) {
      return true;
    }
  }

  /** {@code "; did you mean 'orders'?"} from the client's close topics, or an empty string. */
  public static String closeTopics(Gregor kafka, String topic) {
    try {
      kafka.topicMetadata(topic);
      return "";
    } catch (UnknownTopic e) {
      return hint(e.didYouMean());
    } catch (GregorException e) {
      return "";
    }
  }

  /** {@code "; did you mean 'orders'?"} from an exception's {@code didYouMean()}, or an empty string. */
  public static String hint(String didYouMean) {
    return didYouMean.isEmpty() ? "" : "; " + didYouMean;
  }
}
