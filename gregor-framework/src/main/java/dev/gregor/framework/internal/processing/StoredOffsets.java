package dev.gregor.framework.internal.processing;

import dev.gregor.client.GregorException;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.TopicPartition;
import dev.gregor.framework.OffsetStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes with an {@link OffsetStore} start each newly assigned partition from the offset stored with
 * their writes; a store that cannot be read stops the listener, since Kafka's commits may lag behind it.
 */
final class StoredOffsets {
  private StoredOffsets() {}

  static void seek(String groupId, GroupConsumer consumer, Map<TopicPartition, PartitionWork> works,
      List<TopicPartition> assigned) {
    Map<String, Map<Integer, Long>> loaded = new HashMap<>();
    for (TopicPartition tp : assigned) {
      PartitionWork work = works.get(tp);
      OffsetStore store = work.route.offsetStore();
      if (store == null) {
        continue;
      }
      Map<Integer, Long> stored = loaded.computeIfAbsent(tp.topic(), topic -> {
        try {
          return store.load(groupId, topic);
        } catch (Exception e) {
          throw new GregorException("Route '" + work.route.topic() + "' could not read its stored offsets of '" + topic
              + "' (group '" + groupId + "'): " + e, e);
        }
      });
      Long offset = stored.get(tp.partition());
      if (offset != null) {
        work.storedOffset = offset; // messages fetched before the seek are dropped
        consumer.seek(tp.topic(), tp.partition(), offset);
      }
    }
  }
}
