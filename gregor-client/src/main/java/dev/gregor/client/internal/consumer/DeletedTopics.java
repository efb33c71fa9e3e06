package dev.gregor.client.internal.consumer;

import dev.gregor.client.Event;
import dev.gregor.client.UnknownTopic;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a member that a topic it subscribed to by name was deleted, which kafka-clients only shows
 * as the topic's partitions leaving the assignment: after a rebalance took a topic's partitions
 * away without giving any back, one metadata request says whether the topic is gone. Then a WARN
 * names it and event modes get a {@link Event.KafkaError}; the subscription stays, so a topic
 * created again under that name is read again.
 */
final class DeletedTopics {
  private static final Logger LOG = LoggerFactory.getLogger(DeletedTopics.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Subscriptions subscriptions;
  private final String groupId;
  private final Duration timeout;
  private final Set<String> suspects = new HashSet<>();
  private final Set<String> reported = new HashSet<>();

  DeletedTopics(KafkaConsumer<byte[], byte[]> consumer, Subscriptions subscriptions, String groupId, Duration timeout) {
    this.consumer = consumer;
    this.subscriptions = subscriptions;
    this.groupId = groupId;
    this.timeout = timeout;
  }

  /**
   * Partitions were revoked; their topics are checked after the poll. Lost ones are not: a member
   * dropped from the group (often by the network) gets its topics back when it rejoins, and asking
   * the cluster then would only hold up the rejoin.
   */
  void revoked(Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> suspects.add(partition.topic()));
  }

  /** After a poll: reports each named topic whose partitions all left and which the cluster no longer has. */
  void check(Set<TopicPartition> assigned, Consumer<Event> report) {
    if (suspects.isEmpty() && reported.isEmpty()) {
      return; // every poll asks; almost always there is nothing to look at
    }
    Set<String> held = new HashSet<>();
    assigned.forEach(partition -> held.add(partition.topic()));
    reported.removeAll(held); // created again and read again: a later deletion is news again
    if (suspects.isEmpty()) {
      return;
    }
    suspects.removeIf(topic -> held.contains(topic) || reported.contains(topic) || !subscriptions.topics().contains(topic));
    if (suspects.isEmpty()) {
      return;
    }
    Set<String> existing;
    try {
      existing = consumer.listTopics(timeout).keySet();
    } catch (KafkaException e) {
      return; // asked again after the next poll
    }
    for (String topic : suspects) {
      if (!existing.contains(topic)) {
        reported.add(topic);
        String message = "Topic '" + topic + "', subscribed by group '" + groupId + "', was deleted: this member "
            + "reads nothing more from it unless a topic of that name is created again";
        LOG.warn(message);
        report.accept(new Event.KafkaError(new UnknownTopic(message, null), true));
      }
    }
    suspects.clear();
  }
}
