package dev.gregor.framework.jdbc.internal;

import dev.gregor.client.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The SQL of the offset store, portable across PostgreSQL, H2 and others: plain types, an update
 * then an insert instead of a dialect's upsert, and a select before an insert for message ids (a
 * failed insert would end a PostgreSQL transaction).
 */
public final class OffsetTables {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final String offsets;
  private final String processed;

  public OffsetTables(String offsets, String processed) {
    this.offsets = offsets;
    this.processed = processed;
  }

  /** {@code name} if it is a plain SQL identifier, which is all the store puts into its statements. */
  public static String checkName(String setting, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(setting + " must be a plain SQL identifier (letters, digits, '_'), was '"
          + name + "'");
    }
    return name;
  }

  public void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + offsets + " (group_id VARCHAR(255) NOT NULL, "
          + "topic VARCHAR(255) NOT NULL, kafka_partition INTEGER NOT NULL, next_offset BIGINT NOT NULL, "
          + "PRIMARY KEY (group_id, topic, kafka_partition))");
      statement.execute("CREATE TABLE IF NOT EXISTS " + processed + " (group_id VARCHAR(255) NOT NULL, "
          + "message_id VARCHAR(512) NOT NULL, processed_at TIMESTAMP NOT NULL, PRIMARY KEY (group_id, message_id))");
    }
  }

  public Map<Integer, Long> load(Connection connection, String group, String topic) throws SQLException {
    Map<Integer, Long> stored = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT kafka_partition, next_offset FROM " + offsets
        + " WHERE group_id = ? AND topic = ?")) {
      select.setString(1, group);
      select.setString(2, topic);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          stored.put(rows.getInt(1), rows.getLong(2));
        }
      }
    }
    return stored;
  }

  public void store(Connection connection, String group, String topic, int partition, long nextOffset)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + offsets + " SET next_offset = ? "
        + "WHERE group_id = ? AND topic = ? AND kafka_partition = ?")) {
      update.setLong(1, nextOffset);
      update.setString(2, group);
      update.setString(3, topic);
      update.setInt(4, partition);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + offsets
        + " (group_id, topic, kafka_partition, next_offset) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, group);
      insert.setString(2, topic);
      insert.setInt(3, partition);
      insert.setLong(4, nextOffset);
      insert.executeUpdate();
    }
  }

  /** The messages whose id this group has not processed, whose ids are now recorded; messages without an id pass. */
  public List<Message> firstSeen(Connection connection, String group, List<Message> messages,
      Function<Message, String> idOf) throws SQLException {
    List<Message> fresh = new ArrayList<>(messages.size());
    Set<String> inThisBatch = new HashSet<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + processed
        + " WHERE group_id = ? AND message_id = ?");
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + processed
            + " (group_id, message_id, processed_at) VALUES (?, ?, ?)")) {
      for (Message message : messages) {
        String id = idOf.apply(message);
        if (id == null) {
          fresh.add(message);
          continue;
        }
        if (!inThisBatch.add(id)) {
          continue;
        }
        select.setString(1, group);
        select.setString(2, id);
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            continue;
          }
        }
        insert.setString(1, group);
        insert.setString(2, id);
        insert.setTimestamp(3, Timestamp.from(Instant.now()));
        insert.executeUpdate();
        fresh.add(message);
      }
    }
    return fresh;
  }

  @Override
  public String toString() {
    return offsets + ", " + processed;
  }
}
