package dev.gregor.client.internal.producer;

import dev.gregor.client.Compression;
import dev.gregor.client.Config;
import dev.gregor.client.Delivered;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.ProducerSettings;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.events.RequestStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Sends a batch of buffered messages and reports, per message, whether Kafka acknowledged it.
 * With a compression threshold, partitions with at least that many messages in the batch go
 * through a compressing producer and the rest through a plain one. A message the topic cannot
 * take, or a topic that does not exist and will not be created, fails before anything is sent.
 */
public final class BatchSender implements AutoCloseable {
  /**
   * The outcome of one send, index for index with the batch: where each message went, or why it
   * failed. Each callback writes its slot before telling {@link Acknowledgements}, whose lock publishes it.
   */
  public record Outcome(List<BufferedMessage> batch, Delivered[] delivered, Throwable[] failures) {
    public boolean allDelivered() {
      return Arrays.stream(failures).allMatch(f -> f == null);
    }
  }

  private final Config config;
  private final ProducerSettings settings;
  private final TopicLimits limits;
  private final ProducerPool pool;
  /** Topics whose batches kafka-clients split without end: their messages now go in batches of their own. */
  private final Set<String> unbatched = new HashSet<>();
  private RequestStats requestStats;
  /** Set by a shutdown with a timeout: no delivery, and no close, waits past it. */
  private volatile Long cutoffNanos;

  public BatchSender(Config config, ProducerSettings settings, TopicLimits limits) {
    this.config = config;
    this.settings = settings;
    this.limits = limits;
    this.pool = new ProducerPool(config, settings);
  }

  /** One delivery's messages handed to Kafka, whose acknowledgements {@link #await} waits for. */
  public static final class InFlight {
    private final List<BufferedMessage> batch;
    private final Delivered[] delivered;
    private final Throwable[] failures;
    private final Map<String, TopicLimits.Topic> topics;
    private final Acknowledgements acks;
    private final long lastSendNanos;

    private InFlight(List<BufferedMessage> batch, Delivered[] delivered, Throwable[] failures,
        Map<String, TopicLimits.Topic> topics, Acknowledgements acks, long lastSendNanos) {
      this.batch = batch;
      this.delivered = delivered;
      this.failures = failures;
      this.topics = topics;
      this.acks = acks;
      this.lastSendNanos = lastSendNanos;
    }
  }

  /** Sends every message, waits until each is acknowledged or failed (bounded by the delivery timeout). */
  public synchronized Outcome send(List<BufferedMessage> batch) {
    return await(start(batch, true));
  }

  /**
   * Hands every message to Kafka without waiting for acknowledgements. A later delivery may start
   * before {@link #await} of this one returns; kafka-clients keeps their order when
   * {@link #keepsOrderAcrossDeliveries()}. With {@code flush} the last batches go out without
   * waiting for kafka-clients' linger.
   */
  public synchronized InFlight start(List<BufferedMessage> batch, boolean flush) {
    int size = batch.size();
    Delivered[] delivered = new Delivered[size];
    Throwable[] failures = new Throwable[size];
    Integer[] partitions = new Integer[size];
    // kafka-clients waits up to max.block.ms for a topic's metadata on every send; once a topic's
    // metadata could not be had, or the delivery timeout is spent, the rest fail at once instead.
    Map<String, RuntimeException> unreachable = new ConcurrentHashMap<>();
    long now = System.nanoTime();
    long deadline = now + deliveryTimeout().toNanos();
    Map<String, TopicLimits.Topic> topics = limits.describe(batch.stream().map(m -> m.message().topic()).distinct().toList(),
        cutoff(Long.MAX_VALUE));
    // Per message only what differs: most batches are one topic through one producer.
    boolean compressed = settings.compression() != Compression.NONE;
    String lastTopic = null;
    TopicLimits.Topic lastLimits = null;
    for (int i = 0; i < size; i++) {
      PendingMessage message = batch.get(i).message();
      if (message.topic() != lastTopic) {
        lastTopic = message.topic();
        lastLimits = topics.get(lastTopic);
      }
      failures[i] = SendRefusals.refusal(message, lastLimits, compressed);
      if (failures[i] == null) {
        failures[i] = failFast(message, unreachable, deadline, now);
      }
      if (failures[i] != null || !Partitions.chosenByGregor(message)) {
        continue;
      }
      try {
        partitions[i] = Partitions.resolve(metadataSource(), settings.partitioner(), message);
      } catch (RuntimeException e) {
        failures[i] = SendRefusals.describe(message, e, topics.get(message.topic()));
        noteUnreachable(message.topic(), e, unreachable);
      }
      // Only looking up partitions may wait (for metadata) in this loop, so only then is the clock read again:
      // at 30-40 ns a read on some virtual machines, once per message was a tenth of Gregor's own cost.
      now = System.nanoTime();
    }
    Map<String, Integer> perPartition = compressionSplit() ? countPerPartition(batch, partitions, failures) : Map.of();
    Acknowledgements acks = new Acknowledgements(size);
    Compression lastCompression = null;
    boolean lastUnbatched = false;
    KafkaProducer<byte[], byte[]> producer = null;
    for (int i = 0; i < size; i++) {
      if (failures[i] == null) {
        failures[i] = failFast(batch.get(i).message(), unreachable, deadline, System.nanoTime()); // a send may block
      }
      if (failures[i] != null) {
        continue;
      }
      PendingMessage message = batch.get(i).message();
      Compression compression = !compressionSplit() ? metadataCompression()
          : perPartition.get(groupOf(batch.get(i), partitions[i])) >= settings.compressionThreshold() ? settings.compression()
          : Compression.NONE;
      boolean alone = !unbatched.isEmpty() && unbatched.contains(message.topic());
      if (producer == null || compression != lastCompression || alone != lastUnbatched) {
        producer = pool.get(compression, alone);
        lastCompression = compression;
        lastUnbatched = alone;
      }
      int index = i;
      acks.sending(i, producer);
      try {
        producer.send(ProducerRecords.of(message, partitions[i]), (metadata, exception) -> {
          if (exception != null) {
            noteUnreachable(message.topic(), exception, unreachable);
            failures[index] = SendRefusals.describe(message, exception, topics.get(message.topic()));
          } else {
            delivered[index] = new Delivered(metadata.topic(), metadata.partition(), metadata.offset(),
                Instant.ofEpochMilli(metadata.timestamp()));
          }
          acks.finished(index);
        });
      } catch (RuntimeException e) {
        failures[i] = SendRefusals.describe(message, e, topics.get(message.topic()));
        acks.finished(i);
      }
    }
    long lastSend = System.nanoTime();
    if (flush) {
      acks.flush();
    }
    return new InFlight(batch, delivered, failures, topics, acks, lastSend);
  }

  /** Waits until every message of {@code sent} is acknowledged or failed (bounded by the delivery timeout, or the cutoff). */
  public Outcome await(InFlight sent) {
    // kafka-clients expires a record delivery.timeout.ms after its send; a little more covers the callback.
    long ackDeadline = sent.lastSendNanos + deliveryTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
    Map<KafkaProducer<byte[], byte[]>, String> stopped = sent.acks.await(() -> cutoff(ackDeadline),
        (producer, why) -> discard(producer));
    synchronized (this) {
      classify(sent, stopped);
    }
    return new Outcome(sent.batch, sent.delivered, sent.failures);
  }

  /** Kafka-clients' verdicts are in {@code sent}; this adds the stopped producers' and any missing acknowledgement. */
  private void classify(InFlight sent, Map<KafkaProducer<byte[], byte[]>, String> stopped) {
    List<BufferedMessage> batch = sent.batch;
    Delivered[] delivered = sent.delivered;
    Throwable[] failures = sent.failures;
    Map<String, TopicLimits.Topic> topics = sent.topics;
    for (int i = 0; i < batch.size(); i++) {
      String why = stopped.isEmpty() ? null : stopped.get(sent.acks.producerOf(i));
      Long cutoff = cutoffNanos;
      if ("timeout".equals(why) && cutoff != null && System.nanoTime() - cutoff >= 0) {
        why = "shutdown";
      }
      if (why != null && delivered[i] == null) {
        PendingMessage message = batch.get(i).message();
        TopicLimits.Topic topic = topics.get(message.topic());
        // Only a topic whose messages were not checked against its limit can have caused the split.
        boolean suspect = topic == null || !topic.knownLimit() || settings.compression() != Compression.NONE;
        if (why.equals("split") && suspect) {
          unbatched.add(message.topic());
          limits.forget(message.topic());
        } else if (why.equals("split")) {
          why = "split elsewhere";
        }
        failures[i] = SendRefusals.stopped(message, why, deliveryTimeout(), topics.get(message.topic()));
      } else if (delivered[i] == null && failures[i] == null) {
        failures[i] = new IllegalStateException("no acknowledgement arrived for this message");
      }
    }
  }

  /** Whether a delivery started before the previous one is acknowledged keeps each partition's order: one producer serves all. */
  public boolean keepsOrderAcrossDeliveries() {
    return !compressionSplit();
  }

  private synchronized void discard(KafkaProducer<byte[], byte[]> producer) {
    pool.discard(producer);
  }

  /**
   * Ends the delivery under way, and any later one, by {@code deadlineNanos}: a message not sent
   * by then is not sent, one not acknowledged by then fails, and {@link #close()} waits no longer.
   * Any thread may call this, also while {@link #send} runs.
   */
  public void cutOff(long deadlineNanos) {
    cutoffNanos = deadlineNanos;
  }

  /** The earlier of {@code deadlineNanos} and the cutoff, if any. */
  private long cutoff(long deadlineNanos) {
    Long cutoff = cutoffNanos;
    return cutoff == null || (deadlineNanos != Long.MAX_VALUE && deadlineNanos - cutoff < 0) ? deadlineNanos : cutoff;
  }

  private Duration deliveryTimeout() {
    return settings.deliveryTimeout() != null ? settings.deliveryTimeout() : config.deliveryTimeout();
  }

  /** The failure for a message that must not wait again at {@code now}, or null to send it. */
  private RuntimeException failFast(PendingMessage message, Map<String, RuntimeException> unreachable, long deadline,
      long now) {
    RuntimeException earlier = unreachable.isEmpty() ? null : unreachable.get(message.topic());
    if (earlier != null) {
      return new TimeoutException("Not sent: the metadata of topic '" + message.topic() + "' could not be had earlier "
          + "in this delivery (" + earlier.getMessage() + ")");
    }
    Long cutoff = cutoffNanos;
    if (cutoff != null && now - cutoff > 0) {
      return new TimeoutException("Not sent: the producer is shutting down and its shutdown timeout was spent");
    }
    if (now - deadline > 0) {
      return new TimeoutException("Not sent: the delivery timeout (" + deliveryTimeout().toMillis()
          + " ms) was spent before this message's turn");
    }
    return null;
  }

  private static void noteUnreachable(String topic, Throwable failure, Map<String, RuntimeException> unreachable) {
    if (failure instanceof TimeoutException timeout && failure.getMessage() != null
        && failure.getMessage().contains("metadata")) {
      unreachable.putIfAbsent(topic, timeout);
    }
  }

  /** Whether deliveries split by partition into compressed and plain producers (compressionThreshold > 1). */
  private boolean compressionSplit() {
    return settings.compression() != Compression.NONE && settings.compressionThreshold() > 1;
  }

  private static Map<String, Integer> countPerPartition(List<BufferedMessage> batch, Integer[] partitions,
      Throwable[] failures) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      if (failures[i] == null) {
        counts.merge(groupOf(batch.get(i), partitions[i]), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Keyless messages (no partition yet) count per topic: the sticky partitioner sends them together. */
  private static String groupOf(BufferedMessage entry, Integer partition) {
    return entry.message().topic() + "/" + partition;
  }

  /** The producer most deliveries use anyway, so a metadata lookup opens no extra connections. */
  private KafkaProducer<byte[], byte[]> metadataSource() {
    return pool.get(metadataCompression(), false);
  }

  private Compression metadataCompression() {
    return settings.compression() != Compression.NONE && settings.compressionThreshold() == 1 ? settings.compression() : Compression.NONE;
  }

  /** ruby-kafka's {@code request.connection}, derived from this sender's producers' metrics. */
  synchronized void reportRequests(NotificationBus bus) {
    if (requestStats == null) {
      requestStats = new RequestStats(bus, this::metrics);
    }
    requestStats.reportIfDue();
  }

  private synchronized Map<MetricName, ? extends Metric> metrics() {
    return pool.metrics();
  }

  @Override
  public synchronized void close() {
    Long cutoff = cutoffNanos;
    pool.close(cutoff == null ? deliveryTimeout() : Duration.ofNanos(Math.max(0, cutoff - System.nanoTime())));
  }
}
