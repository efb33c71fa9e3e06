package dev.gregor.client.internal.admin;

import dev.gregor.client.GregorException;
import dev.gregor.client.TopicMetadata;
import dev.gregor.client.UnknownTopic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waits, without blocking a thread, until a new topic's partitions all have leaders: the
 * controller answers "created" before brokers know the topic, and a send right then would wait
 * for metadata.
 */
final class LeaderWait {
  private static final Executor RETRY = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);

  private LeaderWait() {}

  static CompletableFuture<Void> untilLed(Supplier<CompletableFuture<List<TopicMetadata.Partition>>> describe, long deadline) {
    return describe.get().handle((partitions, error) -> {
      boolean led = error == null && !partitions.isEmpty() && partitions.stream().allMatch(p -> p.leader() >= 0);
      if (led) {
        return CompletableFuture.<Void>completedFuture(null);
      }
      boolean retriable = error == null || error instanceof UnknownTopic
          || error.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
      if (!retriable) {
        return CompletableFuture.<Void>failedFuture(error);
      }
      if (System.nanoTime() > deadline) {
        return CompletableFuture.<Void>failedFuture(new GregorException(
            "the topic was created but not every partition had a leader in time", error));
      }
      return CompletableFuture.supplyAsync(() -> null, RETRY).thenCompose(ignored -> untilLed(describe, deadline));
    }).thenCompose(f -> f);
  }
}
