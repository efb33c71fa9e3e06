package dev.gregor.framework.jdbc;

import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.framework.jdbc.internal.OutboxTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The transactional outbox: the application writes the messages it means to send into an outbox table
 * in its own database transaction, and a {@link OutboxRelay} delivers them to Kafka in the order they
 * were written, at least once, each with a {@link #MESSAGE_ID} header consumers de-duplicate on (for
 * example with {@link JdbcOffsetStore.Builder#deduplicateBy} and {@link MessageId#header}).
 *
 * <pre>{@code
 * JdbcOutbox outbox = JdbcOutbox.builder(dataSource).build();
 * // inside the application's transaction:
 * outbox.add(connection, PendingMessage.of("orders", json, Produce.key(orderId)));
 * // once, next to the app:
 * try (OutboxRelay relay = outbox.startRelay(client, Duration.ofMillis(200))) { ... }
 * }</pre>
 */
public final class JdbcOutbox {
  /** The header naming each relayed message: {@code <table>-<row id>}, the same on every redelivery. */
  public static final String MESSAGE_ID = "gregor-message-id";

  private final DataSource dataSource;
  private final OutboxTable table;

  private JdbcOutbox(DataSource dataSource, OutboxTable table) {
    this.dataSource = dataSource;
    this.table = table;
  }

  /** An outbox on {@code dataSource}; its table is created by {@link Builder#build()} when missing. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Writes {@code message} (topic, value, key, headers and partition of its options) to the outbox through
   * {@code transaction}, the application's connection: it is sent only if that transaction commits. Returns its id.
   */
  public long add(Connection transaction, PendingMessage message) throws SQLException {
    Objects.requireNonNull(transaction, "transaction");
    Produce options = message.options();
    return table.insert(transaction, message.topic(), options.partition(), options.key(), message.value(),
        options.headers());
  }

  /** {@link #add(Connection, PendingMessage)} for a text value with an optional key. */
  public long add(Connection transaction, String topic, @Nullable String key, @Nullable String value)
      throws SQLException {
    return add(transaction, PendingMessage.of(topic, value, Produce.key(key)));
  }

  /**
   * Starts delivering the outbox to Kafka on a thread of its own: in id order, up to 500 rows per Kafka
   * delivery, each row deleted in the same database transaction once Kafka acknowledged it; polled every
   * {@code interval} when empty. Run one relay per outbox table at a time: rows are locked while sent, so a
   * second one waits for them.
   */
  public OutboxRelay startRelay(Gregor client, Duration interval) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    return new OutboxRelay(dataSource, table, Objects.requireNonNull(client, "client"), interval);
  }

  /** Settings of a {@link JdbcOutbox}; {@link #build()} checks the database and creates the table. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = "gregor_outbox";

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The outbox table (default {@code gregor_outbox}). */
    public Builder table(String name) {
      this.table = dev.gregor.framework.jdbc.internal.OffsetTables.checkName("table", name);
      return this;
    }

    /** The outbox, once its table exists; fails naming the database problem when it cannot connect or create it. */
    public JdbcOutbox build() {
      try (Connection connection = dataSource.getConnection()) {
        OutboxTable outbox = OutboxTable.create(connection, table);
        return new JdbcOutbox(dataSource, outbox);
      } catch (SQLException e) {
        throw new IllegalStateException("JdbcOutbox: could not create or check its table " + table + ": "
            + e.getMessage(), e);
      }
    }
  }
}
