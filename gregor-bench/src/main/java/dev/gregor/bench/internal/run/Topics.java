package dev.gregor.bench.internal.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Topics of the benchmark broker: a fresh one per producer run (deleted after, so a full run does
 * not fill the disk), and named, reused ones for consumer runs.
 */
public final class Topics implements AutoCloseable {
  private static final long TIMEOUT_MS = 30_000;

  private final Admin admin;
  private final AtomicInteger counter = new AtomicInteger();

  public Topics(Map<String, Object> clientConfig) {
    this.admin = Admin.create(clientConfig);
  }

  /** Creates a new topic named after {@code prefix} and waits until every partition has a leader. */
  public String create(String prefix, int partitions) {
    String name = prefix.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + counter.incrementAndGet();
    createNamed(name, partitions);
    return name;
  }

  /** Creates {@code name} unless it exists; returns whether it was created. */
  public boolean createIfAbsent(String name, int partitions) {
    if (exists(name)) {
      return false;
    }
    createNamed(name, partitions);
    return true;
  }

  public boolean exists(String name) {
    return get(() -> admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).contains(name);
  }

  public void delete(String name) {
    get(() -> admin.deleteTopics(List.of(name)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
  }

  /** Sum of the end offsets of {@code name}'s partitions. */
  public long endOffsetSum(String name) {
    TopicDescription description = get(() -> admin.describeTopics(Set.of(name)).allTopicNames()
        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(name));
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest()));
    return get(() -> admin.listOffsets(request).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).values().stream()
        .mapToLong(info -> info.offset()).sum();
  }

  private void createNamed(String name, int partitions) {
    get(() -> admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
    long deadline = System.nanoTime() + Duration.ofMillis(TIMEOUT_MS).toNanos();
    while (System.nanoTime() < deadline) {
      TopicDescription description = get(() -> admin.describeTopics(Set.of(name)).allTopicNames()
          .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(name));
      if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("topic '" + name + "' has partitions without a leader after " + TIMEOUT_MS + " ms");
  }

  private interface Call<T> {
    T call() throws InterruptedException, ExecutionException, TimeoutException;
  }

  private static <T> T get(Call<T> call) {
    try {
      return call.call();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to the benchmark broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the benchmark broker's admin call failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
