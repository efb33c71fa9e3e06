package dev.gregor.client;

import java.util.concurrent.CompletableFuture;

/**
 * The messages and consumer offsets of one Kafka transaction, inside
 * {@link TransactionalProducer#inTransaction}. Readers with {@code isolation.level=read_committed}
 * see everything or nothing of it.
 */
public interface Transaction {
  /** Sends a UTF-8 message within the transaction; the report completes when it is written, before the commit. */
  CompletableFuture<Delivered> produce(String topic, String value, Produce options);

  /** Sends raw bytes within the transaction. */
  CompletableFuture<Delivered> produce(String topic, byte[] value, Produce options);

  /**
   * Commits, with the transaction, that consumer group {@code groupId} has processed {@code topic}
   * partition {@code partition} up to (not including) {@code nextOffset} — consume-transform-produce.
   */
  void sendOffsets(String groupId, String topic, int partition, long nextOffset);
}
