package dev.gregor.client.internal.producer;

import dev.gregor.client.Delivered;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.client.ProducerSettings;
import dev.gregor.client.Transaction;
import dev.gregor.client.internal.names.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * The {@link Transaction} handed to one {@code inTransaction} block. What the cluster is known
 * to refuse (a missing topic it will not create, a message over the topic's limit) fails at
 * once, before kafka-clients could put the whole transaction in its error state; once the block
 * returned, every call fails at once.
 */
final class OpenTransaction implements Transaction {
  private final String transactionalId;
  private final KafkaProducer<byte[], byte[]> producer;
  private final ProducerSettings settings;
  private final ProducerEvents events;
  private final TopicLimits limits;
  private final List<PendingMessage> failed = new ArrayList<>();
  private Throwable firstFailure;
  private int sent;
  private volatile boolean ended;

  OpenTransaction(String transactionalId, KafkaProducer<byte[], byte[]> producer, ProducerSettings settings,
      ProducerEvents events, TopicLimits limits) {
    this.transactionalId = transactionalId;
    this.producer = producer;
    this.settings = settings;
    this.events = events;
    this.limits = limits;
  }

  @Override
  public CompletableFuture<Delivered> produce(String topic, String value, Produce options) {
    return produce(topic, value == null ? null : value.getBytes(StandardCharsets.UTF_8), options);
  }

  @Override
  public CompletableFuture<Delivered> produce(String topic, byte[] value, Produce options) {
    checkOpen("produce");
    TopicNames.check(topic);
    PendingMessage message = new PendingMessage(topic, value, Objects.requireNonNull(options, "options"));
    TopicLimits.Topic described = limits.describe(List.of(topic)).get(topic);
    RuntimeException refused = SendRefusals.refusal(message, described, settings.compression() != dev.gregor.client.Compression.NONE);
    if (refused != null) {
      events.topicFailed(topic, refused);
      throw refused;
    }
    BufferedMessage buffered = BufferedMessage.of(message);
    Integer partition = Partitions.resolve(producer, settings.partitioner(), message);
    synchronized (this) {
      sent++;
      events.produced(message, sent, transactionalId);
    }
    producer.send(ProducerRecords.of(message, partition), (metadata, error) -> {
      if (error != null) {
        Throwable reported = SendRefusals.describe(message, error, described);
        synchronized (this) {
          failed.add(message);
          firstFailure = firstFailure == null ? reported : firstFailure;
        }
        events.topicFailed(topic, reported);
        buffered.report().completeExceptionally(reported);
      } else {
        Delivered delivered = new Delivered(metadata.topic(), metadata.partition(), metadata.offset(),
            Instant.ofEpochMilli(metadata.timestamp()));
        events.acked(message, delivered);
        buffered.report().complete(delivered);
      }
    });
    return buffered.report();
  }

  @Override
  public void sendOffsets(String groupId, String topic, int partition, long nextOffset) {
    checkOpen("sendOffsets");
    producer.sendOffsetsToTransaction(Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(nextOffset)),
        new ConsumerGroupMetadata(groupId));
  }

  /** After this, every call fails at once: the block has returned. */
  void end() {
    ended = true;
  }

  synchronized int sent() {
    return sent;
  }

  /** The messages whose send failed so far, in the order they failed. */
  synchronized List<PendingMessage> failed() {
    return List.copyOf(failed);
  }

  synchronized Throwable firstFailure() {
    return firstFailure;
  }

  private void checkOpen(String call) {
    if (ended) {
      throw new IllegalStateException("This Transaction of transactional id '" + transactionalId + "' has ended: "
          + call + " was called after its inTransaction block returned; use a Transaction only inside its block");
    }
  }
}
