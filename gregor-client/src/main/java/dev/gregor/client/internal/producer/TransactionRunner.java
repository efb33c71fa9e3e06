package dev.gregor.client.internal.producer;

import dev.gregor.client.EventKeys;
import dev.gregor.client.Config;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.GregorException;
import dev.gregor.client.ProducerSettings;
import dev.gregor.client.Transaction;
import dev.gregor.client.internal.events.Span;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
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
  private final ProducerEvents events;
  private final TopicLimits limits;
  private boolean closed;

  public TransactionRunner(Config config, ProducerSettings settings, String transactionalId, ProducerEvents events,
      TopicLimits limits) {
    if (transactionalId.isBlank()) {
      throw new IllegalArgumentException("transactionalId must be a non-blank name that stays the same across restarts "
          + "of one instance (kafka-clients' transactional.id); got '" + transactionalId + "'");
    }
    this.transactionalId = transactionalId;
    this.settings = settings;
    this.config = config;
    this.events = events;
    this.limits = limits;
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
      throw new IllegalStateException("this TransactionalProducer (transactional id '" + transactionalId + "') is closed");
    }
    OpenTransaction transaction = new OpenTransaction(transactionalId, producer, settings, events, limits);
    Span span = events.transaction(transactionalId);
    try {
      producer.beginTransaction();
      body.accept(transaction);
      transaction.end();
      commit(transaction);
      span.with(EventKeys.MESSAGE_COUNT, transaction.sent()).stop();
    } catch (ProducerFencedException | InvalidProducerEpochException | AuthorizationException e) {
      GregorException fenced = new GregorException("Transactional id '" + transactionalId + "' can no longer write ("
          + e.getMessage() + "); a newer producer with the same id fenced this one, or it lacks the ACLs", e);
      span.with(EventKeys.MESSAGE_COUNT, transaction.sent()).fail(fenced);
      close();
      throw fenced;
    } catch (RuntimeException e) {
      transaction.end();
      abort(e);
      span.with(EventKeys.MESSAGE_COUNT, transaction.sent()).fail(e);
      throw e;
    } finally {
      transaction.end();
    }
  }

  /** Commits; a send that failed (kafka-clients then refuses the commit) is reported as the DeliveryFailed it was. */
  private void commit(OpenTransaction transaction) {
    try {
      producer.commitTransaction();
    } catch (ProducerFencedException | InvalidProducerEpochException | AuthorizationException e) {
      throw e;
    } catch (KafkaException e) {
      Throwable cause = transaction.firstFailure() != null ? transaction.firstFailure() : e;
      if (transaction.failed().isEmpty()) {
        throw new GregorException("The transaction of transactional id '" + transactionalId + "' could not commit ("
            + e.getMessage() + ") and was aborted", e);
      }
      throw new DeliveryFailed("The transaction of transactional id '" + transactionalId + "' was aborted: "
          + transaction.failed().size() + " of its " + transaction.sent() + " messages failed (topic '"
          + transaction.failed().get(0).topic() + "': " + cause.getMessage() + ")", transaction.failed(), cause);
    }
  }

  /** Aborts after {@code cause}; if even that fails, this producer cannot go on and is closed. */
  private void abort(RuntimeException cause) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      cause.addSuppressed(new GregorException("Could not abort the transaction of transactional id '" + transactionalId
          + "' (" + e.getMessage() + "); this TransactionalProducer is closed, create a new one", e));
      close();
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
