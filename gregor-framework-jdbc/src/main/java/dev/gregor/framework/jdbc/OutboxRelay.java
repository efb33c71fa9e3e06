package dev.gregor.framework.jdbc;

import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.framework.jdbc.internal.OutboxTable;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers a {@link JdbcOutbox} to Kafka on its own thread until closed; see {@link JdbcOutbox#startRelay}. */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 500;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final OutboxTable table;
  private final Gregor client;
  private final Duration interval;
  private final AtomicLong relayed = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  OutboxRelay(DataSource dataSource, OutboxTable table, Gregor client, Duration interval) {
    this.dataSource = dataSource;
    this.table = table;
    this.client = client;
    this.interval = interval;
    this.thread = new Thread(this::run, "gregor-outbox-relay-" + table.name());
    thread.setDaemon(true);
    thread.start();
  }

  /** How many messages this relay has delivered (and deleted from the outbox). */
  public long relayed() {
    return relayed.get();
  }

  private void run() {
    long backoff = interval.toMillis();
    while (running) {
      try {
        int sent = relayOnce();
        backoff = interval.toMillis();
        if (sent < BATCH) {
          sleep(interval.toMillis());
        }
      } catch (Exception e) {
        LOG.warn("Outbox relay of '{}' failed; its rows stay and are sent again in {} ms: {}", table.name(), backoff,
            e.toString());
        sleep(backoff);
        backoff = Math.min(MAX_BACKOFF.toMillis(), backoff * 2);
      }
    }
  }

  /** One batch: lock the oldest rows, deliver them in order, delete them, commit. */
  private int relayOnce() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<OutboxTable.Row> rows = table.oldest(connection, BATCH);
        if (!rows.isEmpty()) {
          List<PendingMessage> messages = rows.stream().map(row -> row.message(JdbcOutbox.MESSAGE_ID)).toList();
          client.deliverMessages(messages);
          table.delete(connection, rows);
        }
        connection.commit();
        relayed.addAndGet(rows.size());
        return rows.size();
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis); // the relay's poll interval: it has nothing to wait on but the clock
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops after the batch in flight (delivered and deleted, or left for the next relay); waits up to 30 s. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
