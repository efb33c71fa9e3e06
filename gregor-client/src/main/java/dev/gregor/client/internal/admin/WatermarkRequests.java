package dev.gregor.client.internal.admin;

import dev.gregor.client.TopicPartition;
import dev.gregor.client.Watermarks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The watermarks of many topics' partitions in three requests (their metadata, every earliest
 * offset, every latest offset) rather than two per partition: a cluster overview of hundreds of
 * topics asked thousands of times.
 */
public final class WatermarkRequests {
  private final Admin admin;

  public WatermarkRequests(Admin admin) {
    this.admin = admin;
  }

  /** Each partition's watermarks, ordered by topic then partition; a topic that does not exist fails naming it. */
  public CompletableFuture<Map<TopicPartition, Watermarks>> of(Collection<String> topics) {
    if (topics.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    List<CompletableFuture<TopicDescription>> described = new ArrayList<>();
    admin.describeTopics(topics).topicNameValues().forEach((topic, future) -> described.add(AdminFutures.of(future)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(AdminFailure.onTopic("read the offsets of topic", topic)
            .translate(e)))));
    return CompletableFuture.allOf(described.toArray(CompletableFuture[]::new)).thenCompose(done -> {
      List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
      for (CompletableFuture<TopicDescription> description : described) {
        TopicDescription d = description.join();
        d.partitions().forEach(p -> partitions.add(new org.apache.kafka.common.TopicPartition(d.name(), p.partition())));
      }
      partitions.sort(Comparator.comparing(org.apache.kafka.common.TopicPartition::topic)
          .thenComparingInt(org.apache.kafka.common.TopicPartition::partition));
      CompletableFuture<Map<org.apache.kafka.common.TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> earliest =
          list(partitions, OffsetSpec.earliest());
      CompletableFuture<Map<org.apache.kafka.common.TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> latest =
          list(partitions, OffsetSpec.latest());
      return earliest.thenCombine(latest, (first, next) -> {
        Map<TopicPartition, Watermarks> watermarks = new LinkedHashMap<>();
        for (org.apache.kafka.common.TopicPartition p : partitions) {
          watermarks.put(new TopicPartition(p.topic(), p.partition()),
              new Watermarks(first.get(p).offset(), next.get(p).offset()));
        }
        return watermarks;
      });
    });
  }

  private CompletableFuture<Map<org.apache.kafka.common.TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> list(
      List<org.apache.kafka.common.TopicPartition> partitions, OffsetSpec spec) {
    Map<org.apache.kafka.common.TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(p -> request.put(p, spec));
    return AdminFutures.of(admin.listOffsets(request).all());
  }
}
