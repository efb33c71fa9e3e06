package dev.gregor.framework.jdbc;

import dev.gregor.client.Message;
import dev.gregor.framework.OffsetStore;
import dev.gregor.framework.jdbc.internal.OffsetTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A route's offsets in your database ("Kafka for Ruby": store the consumed offset in the same
 * transaction as the data): each message or batch runs in one JDBC transaction that also writes the
 * next offset, and assigned partitions start from the stored offsets. Inside the controller,
 * {@link #connection()} is that transaction's connection.
 *
 * <pre>{@code
 * JdbcOffsetStore store = JdbcOffsetStore.builder(dataSource).deduplicateBy(MessageId.header("message-id")).build();
 * routes.topic("payments", route -> route.controller(PaymentsController.class).offsetStore(store));
 * // in PaymentsController.perform(): store.connection().prepareStatement("insert into payments ...")
 * }</pre>
 */
public final class JdbcOffsetStore implements OffsetStore {
  private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

  private final DataSource dataSource;
  private final OffsetTables tables;
  private final @Nullable MessageId deduplicateBy;

  private JdbcOffsetStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.deduplicateBy = builder.deduplicateBy;
    this.tables = new OffsetTables(builder.offsetsTable, builder.processedTable);
  }

  /** A store on {@code dataSource}; its tables are created by {@link Builder#build()} when missing. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The connection of the transaction the current controller runs in; only inside a route that uses this store. */
  public Connection connection() {
    Connection connection = CURRENT.get();
    if (connection == null) {
      throw new IllegalStateException("no offset-store transaction on this thread: connection() is for the "
          + "controller of a route with offsetStore(store), while it performs");
    }
    return connection;
  }

  @Override
  public Map<Integer, Long> load(String group, String topic) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return tables.load(connection, group, topic);
    }
  }

  @Override
  public void process(Work work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      CURRENT.set(connection);
      try {
        List<Message> fresh = deduplicateBy == null ? work.messages()
            : tables.firstSeen(connection, work.group(), work.messages(), deduplicateBy::of);
        work.perform(fresh);
        List<Message> messages = work.messages();
        tables.store(connection, work.group(), work.topic(), work.partition(),
            messages.get(messages.size() - 1).offset() + 1);
        connection.commit();
      } catch (Exception | Error e) {
        rollback(connection, e);
        throw e;
      } finally {
        CURRENT.remove();
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public String toString() {
    return "JdbcOffsetStore{" + tables + (deduplicateBy == null ? "" : ", deduplicated") + "}";
  }

  /** Settings of a {@link JdbcOffsetStore}; {@link #build()} checks the database and creates the tables. */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable MessageId deduplicateBy;
    private String offsetsTable = "gregor_offsets";
    private String processedTable = "gregor_processed";

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Performs a message whose id was processed before (by this group) no more: its offset is stored, the
     * controller does not see it. Ids are kept in the processed table, written in the same transaction.
     */
    public Builder deduplicateBy(MessageId id) {
      this.deduplicateBy = Objects.requireNonNull(id, "id");
      return this;
    }

    /** The offsets table (default {@code gregor_offsets}). */
    public Builder offsetsTable(String name) {
      this.offsetsTable = OffsetTables.checkName("offsetsTable", name);
      return this;
    }

    /** The table of processed message ids for {@link #deduplicateBy} (default {@code gregor_processed}). */
    public Builder processedTable(String name) {
      this.processedTable = OffsetTables.checkName("processedTable", name);
      return this;
    }

    /** The store, once its tables exist; fails naming the database problem when it cannot connect or create them. */
    public JdbcOffsetStore build() {
      JdbcOffsetStore store = new JdbcOffsetStore(this);
      try (Connection connection = dataSource.getConnection()) {
        store.tables.create(connection);
      } catch (SQLException e) {
        throw new IllegalStateException("JdbcOffsetStore: could not create or check its tables (" + offsetsTable + ", "
            + processedTable + "): " + e.getMessage(), e);
      }
      return store;
    }
  }
}
