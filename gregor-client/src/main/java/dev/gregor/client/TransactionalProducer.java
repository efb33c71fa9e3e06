package dev.gregor.client;

import dev.gregor.client.internal.lifecycle.CallGate;
import dev.gregor.client.internal.lifecycle.ClientScope;
import dev.gregor.client.internal.producer.ProducerEvents;
import dev.gregor.client.internal.producer.TopicLimits;
import dev.gregor.client.internal.producer.TransactionRunner;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A producer whose messages are written in all-or-nothing transactions, with a stable
 * {@code transactionalId} so that a restarted instance fences off its predecessor.
 *
 * <pre>{@code
 * try (TransactionalProducer producer = kafka.transactionalProducer("order-enricher-1")) {
 *   producer.inTransaction(tx -> {
 *     tx.produce("enriched-orders", enriched, Produce.key(orderId));
 *     tx.sendOffsets("order-enricher", "orders", 0, consumedOffset + 1);
 *   }); // commits; an exception aborts and is rethrown
 * }
 * }</pre>
 */
public final class TransactionalProducer implements AutoCloseable {
  private final TransactionRunner runner;
  private final CallGate gate;
  private volatile boolean closed;

  TransactionalProducer(Config config, ProducerSettings settings, String transactionalId, ProducerEvents events,
      TopicLimits limits, ClientScope scope) {
    this.runner = new TransactionRunner(config, settings, Objects.requireNonNull(transactionalId, "transactionalId"),
        events, limits);
    this.gate = new CallGate(scope, this::release);
    scope.add(new ClientScope.Part(ClientScope.Kind.PRODUCER, () -> { }, timeout -> gate.closeFromClient(), () -> closed));
  }

  /**
   * Runs {@code body} in a new transaction and commits it; if {@code body} throws, the transaction
   * is aborted and the exception rethrown, so none of its messages or offsets become visible.
   * A message to a topic that does not exist (and will not be created) or over the topic's
   * {@code max.message.bytes} fails its {@code produce} at once; a send that failed later makes
   * the commit throw {@link DeliveryFailed} naming it. Either way the transaction is aborted and
   * this producer stays usable. The {@link Transaction} is only valid inside {@code body}.
   */
  public void inTransaction(Consumer<Transaction> body) {
    gate.enter();
    try {
      runner.inTransaction(Objects.requireNonNull(body, "body"));
    } finally {
      gate.exit();
    }
  }

  /**
   * Aborts an open transaction, if any, and closes the connections. Closing the {@link Gregor}
   * client that created it does the same once a transaction in progress on another thread ended.
   */
  @Override
  public void close() {
    release();
  }

  private void release() {
    closed = true;
    runner.close();
  }
}
