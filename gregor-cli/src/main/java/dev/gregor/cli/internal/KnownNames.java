package dev.gregor.cli.internal;

import dev.gregor.client.Gregor;
import dev.gregor.client.GregorException;
import dev.gregor.client.GroupListing;
import dev.gregor.client.UnknownGroup;
import dev.gregor.client.UnknownTopic;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks topic names against the cluster and turns "does not exist" into "does not exist; did you
 * mean 'orders'?" with the cluster's own topic and group names. Suggestions are a courtesy: when
 * the names cannot be listed, the original error stands.
 */
public final class KnownNames {
  private KnownNames() {}

  /** Throws {@link UnknownTopic}, with close names, for the first of {@code topics} the cluster does not have. */
  public static void requireTopics(Gregor kafka, Collection<String> topics) {
    Set<String> existing = new HashSet<>(kafka.topics().list());
    for (String topic : topics) {
      if (!existing.contains(topic)) {
        try {
          kafka.topicMetadata(topic); // the list leaves out internal topics, such as __consumer_offsets
        } catch (UnknownTopic e) {
          throw new UnknownTopic("Topic '" + topic + "' does not exist" + Suggestions.didYouMean(topic, existing), e);
        }
      }
    }
  }

  /** Whether the cluster has {@code topic}; {@code true} when that cannot be told. */
  public static boolean topicExists(Gregor kafka, String topic) {
    try {
      return kafka.topics().list().contains(topic) || kafka.topicMetadata(topic) != null;
    } catch (UnknownTopic e) {
      return false;
    } catch (GregorException e) {
      return true;
    }
  }

  /** {@code "; did you mean 'orders'?"} from the cluster's topics, or an empty string. */
  public static String closeTopics(Gregor kafka, String topic) {
    try {
      return Suggestions.didYouMean(topic, kafka.topics().list());
    } catch (GregorException e) {
      return "";
    }
  }

  /** {@code failure} with the names of close topics appended. */
  public static UnknownTopic suggestTopics(Gregor kafka, String topic, UnknownTopic failure) {
    String close = closeTopics(kafka, topic);
    return close.isEmpty() ? failure : new UnknownTopic(failure.getMessage() + close, failure);
  }

  /** {@code failure} with the names of close consumer groups appended. */
  public static UnknownGroup suggestGroups(Gregor kafka, String group, UnknownGroup failure) {
    String close = closeGroups(kafka, group);
    return close.isEmpty() ? failure : new UnknownGroup(group, failure.getMessage() + close, failure);
  }

  /** {@code "; did you mean 'billing'?"} from the cluster's consumer groups, or an empty string. */
  public static String closeGroups(Gregor kafka, String group) {
    try {
      List<String> groups = kafka.groups().list().stream().map(GroupListing::groupId).toList();
      return Suggestions.didYouMean(group, groups);
    } catch (GregorException e) {
      return "";
    }
  }
}
