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
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

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
    return retrying(name, () -> {
      TopicDescription description = admin.describeTopics(Set.of(name)).allTopicNames()
          .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(name);
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(request).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).values().stream()
          .mapToLong(info -> info.offset()).sum();
    });
  }

  /**
   * Creates the topic and returns once every partition's leader answers for it: a new topic
   * reaches the broker's metadata a moment after the controller accepted it, longer on a busy
   * machine, and a client that writes before then waits for its delivery timeout.
   */
  private void createNamed(String name, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create topic '" + name + "': " + e.getCause(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic '" + name + "'", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topic '" + name + "' took over " + TIMEOUT_MS + " ms", e);
    }
    endOffsetSum(name);
  }

  private interface Call<T> {
    T call() throws InterruptedException, ExecutionException, TimeoutException;
  }

  /** Runs an admin call about {@code topic}, again while the broker answers with a retriable error (not there yet). */
  private static <T> T retrying(String topic, Call<T> call) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (true) {
      try {
        return call.call();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while talking to the benchmark broker", e);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw new IllegalStateException("the admin call about topic '" + topic + "' failed: " + e.getCause(), e.getCause());
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      } catch (TimeoutException e) {
        throw new IllegalStateException("the admin call about topic '" + topic + "' took over " + TIMEOUT_MS + " ms", e);
      }
    }
  }

  private static <T> T get(Call<T> call) {
    return retrying("(any)", call);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
