package dev.gregor.client.internal;

import dev.gregor.client.Config;
import dev.gregor.client.Delivered;
import dev.gregor.client.GregorException;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.client.ProducerSettings;
import dev.gregor.client.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Begins, commits and aborts Kafka transactions around a user's block, on one transactional KafkaProducer. */
public final class TransactionRunner implements AutoCloseable {
  private final String transactionalId;
  private final KafkaProducer<byte[], byte[]> producer;
  private final ProducerSettings settings;
  private final Config config;
  private boolean closed;

  public TransactionRunner(Config config, ProducerSettings settings, String transactionalId) {
    this.transactionalId = transactionalId;
    this.settings = settings;
    this.config = config;
    Map<String, Object> properties = ProducerProperties.of(config, settings, settings.compression());
    properties.put("transactional.id", transactionalId);
    properties.put("enable.idempotence", "true");
    properties.put("acks", "all");
    properties.remove("max.in.flight.requests.per.connection");
    this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    try {
      producer.initTransactions();
    } catch (KafkaException e) {
      producer.close(Duration.ZERO);
      throw new GregorException("Could not initialise transactions for transactional id '" + transactionalId + "': "
          + e.getMessage(), e);
    }
  }

  public synchronized void inTransaction(Consumer<Transaction> body) {
    if (closed) {
      throw new IllegalStateException("this TransactionalProducer is closed");
    }
    producer.beginTransaction();
    try {
      body.accept(new OpenTransaction());
      producer.commitTransaction();
    } catch (ProducerFencedException | InvalidProducerEpochException | AuthorizationException e) {
      close();
      throw new GregorException("Transactional id '" + transactionalId + "' can no longer write (" + e.getMessage()
          + "); a newer producer with the same id fenced this one, or it lacks the ACLs", e);
    } catch (RuntimeException e) {
      abortQuietly(e);
      throw e;
    }
  }

  private void abortQuietly(RuntimeException cause) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      cause.addSuppressed(e);
    }
  }

  private final class OpenTransaction implements Transaction {
    @Override
    public CompletableFuture<Delivered> produce(String topic, String value, Produce options) {
      return produce(topic, value == null ? null : value.getBytes(StandardCharsets.UTF_8), options);
    }

    @Override
    public CompletableFuture<Delivered> produce(String topic, byte[] value, Produce options) {
      TopicNames.check(topic);
      BufferedMessage message = BufferedMessage.of(new PendingMessage(topic, value, options));
      Integer partition = Partitions.resolve(producer, settings.partitioner(), message.message());
      producer.send(ProducerRecords.of(message.message(), partition), (metadata, error) -> {
        if (error != null) {
          message.report().completeExceptionally(error);
        } else {
          message.report().complete(new Delivered(metadata.topic(), metadata.partition(), metadata.offset(),
              Instant.ofEpochMilli(metadata.timestamp())));
        }
      });
      return message.report();
    }

    @Override
    public void sendOffsets(String groupId, String topic, int partition, long nextOffset) {
      producer.sendOffsetsToTransaction(Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(nextOffset)),
          new ConsumerGroupMetadata(groupId));
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      producer.close(config.deliveryTimeout());
    }
  }
}
