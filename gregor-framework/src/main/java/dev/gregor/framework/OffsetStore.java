package dev.gregor.framework;

import dev.gregor.client.Message;
import java.util.List;
import java.util.Map;

/**
 * Where a route keeps its consumed offsets instead of (before) Kafka: written in the same transaction
 * as what the controller writes, and read when partitions are assigned, which then start from there.
 * {@code gregor-framework-jdbc}'s {@code JdbcOffsetStore} keeps them in your database.
 */
public interface OffsetStore {
  /** The next offset to read of each partition of {@code topic} that {@code group} stored; absent ones start from Kafka's. */
  Map<Integer, Long> load(String group, String topic) throws Exception;

  /**
   * Runs {@code work} and stores the offset after its last message in one transaction: both happen or neither.
   * The store may leave out messages it knows were processed (de-duplication); {@code work} gets the rest.
   */
  void process(Work work) throws Exception;

  /** Messages of one partition to process in one transaction, and how to perform them. */
  interface Work {
    /** The consumer group. */
    String group();

    /** The Kafka topic. */
    String topic();

    /** The partition. */
    int partition();

    /** The messages, in offset order; the offset to store is the last one's plus one. */
    List<Message> messages();

    /** Performs {@code messages} (all, or those not processed before), inside the store's transaction. */
    void perform(List<Message> messages) throws Exception;
  }
}
