package dev.gregor.framework.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.OffsetReset;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Parser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

// The blog post "Kafka for Ruby": offsets stored in the same database transaction as the data, and de-duplication.
@EmbeddedKafkaTest
class JdbcOffsetStoreTest {
  /** A new database with an empty {@code payments} table; H2 in memory here, PostgreSQL in the subclass. */
  DataSource database() {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return withPayments(db);
  }

  static final Map<String, JdbcOffsetStore> STORES = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> PERFORMED = new ConcurrentHashMap<>();

  /** Writes each payment to the database in the store's transaction; "flaky" fails after writing, once. */
  static final class PaymentsController extends Controller {
    @Override
    protected void perform() throws SQLException {
      String value = params().rawString();
      PERFORMED.computeIfAbsent(params().topic() + "/" + value, v -> new AtomicInteger()).incrementAndGet();
      Connection connection = STORES.get(params().topic()).connection();
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payments (topic, payment) VALUES (?, ?)")) {
        insert.setString(1, params().topic());
        insert.setString(2, value);
        insert.executeUpdate();
      }
      if (value.startsWith("flaky") && PERFORMED.get(params().topic() + "/" + value).get() == 1) {
        throw new IllegalStateException("failed after writing " + value);
      }
    }
  }

  @Test
  void appsStartFromTheOffsetsStoredWithTheirWritesSoLostKafkaCommitsRepeatNothing(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(2);
    DataSource db = database();
    JdbcOffsetStore store = JdbcOffsetStore.builder(db).build();
    STORES.put(topic, store);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      produce(gregor, topic, 0, 10);
      try (App app = app(kafka, topic, store)) {
        app.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(db, topic) == 10);
      }
      assertThat(stored(db, topic)).isEqualTo(10);
      // A crash that lost Kafka's commits: the group's committed offsets go back to the beginning.
      gregor.groups().resetOffsets("jdbc_" + topic, topic, OffsetReset.toEarliest());
      produce(gregor, topic, 10, 15);
      try (App app = app(kafka, topic, store)) {
        app.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(db, topic) == 15);
      }
    }
    Map<String, Integer> runs = performedOf(topic);
    assertThat(runs).hasSize(15).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    assertThat(stored(db, topic)).isEqualTo(15);
  }

  @Test
  void aControllerThatFailsAfterWritingLeavesNothingBehindAndItsRetryWritesOnce(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    DataSource db = database();
    JdbcOffsetStore store = JdbcOffsetStore.builder(db).build();
    STORES.put(topic, store);

    try (App app = app(kafka, topic, store)) {
      app.start();
      app.client().deliverMessages(List.of(PendingMessage.of(topic, "flaky-1", Produce.options()),
          PendingMessage.of(topic, "p-2", Produce.options())));
      await().atMost(Duration.ofSeconds(60)).until(() -> stored(db, topic) == 2);
    }
    assertThat(PERFORMED.get(topic + "/flaky-1")).hasValue(2); // the first attempt's insert was rolled back
    assertThat(rows(db, topic)).isEqualTo(2);
  }

  @Test
  void aMessageIdSeenBeforeIsNotPerformedAgainButItsOffsetIsStored(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    DataSource db = database();
    JdbcOffsetStore store = JdbcOffsetStore.builder(db).deduplicateBy(MessageId.header("message-id")).build();
    STORES.put(topic, store);

    try (App app = app(kafka, topic, store)) {
      app.start();
      app.client().deliverMessages(List.of(
          PendingMessage.of(topic, "pay A", Produce.options().header("message-id", "A")),
          PendingMessage.of(topic, "pay B", Produce.options().header("message-id", "B")),
          PendingMessage.of(topic, "pay A again", Produce.options().header("message-id", "A")),
          PendingMessage.of(topic, "no id", Produce.options())));
      await().atMost(Duration.ofSeconds(60)).until(() -> stored(db, topic) == 4);
    }
    assertThat(performedOf(topic)).containsOnlyKeys("pay A", "pay B", "no id");
    assertThat(rows(db, topic)).isEqualTo(3);
  }

  @Test
  void theOutboxRelaysCommittedMessagesInOrderWithAnIdThatDeduplicatesRedeliveries(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    DataSource db = database();
    JdbcOutbox outbox = JdbcOutbox.builder(db).build();
    try (Connection transaction = db.getConnection()) {
      transaction.setAutoCommit(false);
      for (int i = 0; i < 5; i++) {
        outbox.add(transaction, PendingMessage.of(topic, "order " + i, Produce.key("o" + i).header("source", "shop")));
      }
      transaction.commit();
      outbox.add(transaction, topic, "o9", "rolled back");
      transaction.rollback();
    }
    JdbcOffsetStore store = JdbcOffsetStore.builder(db).deduplicateBy(MessageId.header(JdbcOutbox.MESSAGE_ID)).build();
    STORES.put(topic, store);

    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); OutboxRelay relay = outbox.startRelay(gregor,
        Duration.ofMillis(50)); App app = app(kafka, topic, store)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> relay.relayed() == 5);
      List<dev.gregor.client.Message> sent = gregor.fetch(topic, 0, dev.gregor.client.Offset.at(0)).messages();
      assertThat(sent).extracting(dev.gregor.client.Message::valueAsString)
          .containsExactly("order 0", "order 1", "order 2", "order 3", "order 4");
      assertThat(sent).allSatisfy(m -> assertThat(m.header("source")).isEqualTo("shop"));
      assertThat(sent).extracting(m -> m.header(JdbcOutbox.MESSAGE_ID)).doesNotHaveDuplicates()
          .allSatisfy(id -> assertThat(id).startsWith("gregor_outbox-"));
      assertThat(count(db, "SELECT COUNT(*) FROM gregor_outbox")).isZero();
      // A redelivery (a relay that crashed after Kafka acknowledged, before its delete committed) carries the same id.
      gregor.deliverMessage(topic, "order 0", Produce.key("o0").header(JdbcOutbox.MESSAGE_ID,
          sent.get(0).header(JdbcOutbox.MESSAGE_ID)));
      app.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> stored(db, topic) == 6);
    }
    assertThat(performedOf(topic)).containsOnlyKeys("order 0", "order 1", "order 2", "order 3", "order 4")
        .allSatisfy((value, runs) -> assertThat(runs).isEqualTo(1));
  }

  @Test
  void misuseFailsClearly() {
    JdbcOffsetStore store = JdbcOffsetStore.builder(database()).build();
    assertThatThrownBy(store::connection).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connection() is for the controller of a route with offsetStore(store)");
    assertThatThrownBy(() -> JdbcOffsetStore.builder(database()).offsetsTable("offsets; drop table x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offsetsTable must be a plain SQL identifier");
    JdbcDataSource unreachable = new JdbcDataSource();
    unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing");
    assertThatThrownBy(() -> JdbcOffsetStore.builder(unreachable).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("JdbcOffsetStore: could not create or check its tables (gregor_offsets, gregor_processed)");
  }

  /** How often each value of {@code topic} was performed. */
  private static Map<String, Integer> performedOf(String topic) {
    return PERFORMED.entrySet().stream().filter(e -> e.getKey().startsWith(topic + "/"))
        .collect(Collectors.toMap(e -> e.getKey().substring(topic.length() + 1), e -> e.getValue().get()));
  }

  private static App app(EmbeddedKafka kafka, String topic, JdbcOffsetStore store) {
    return App.builder().environment(Map.of()).setup(config -> config.name("jdbc").kafkaHosts(kafka.bootstrapServers())
            .offsetCommitInterval(Duration.ofMillis(200)))
        .routes(routes -> routes.topic(topic, route -> route.controller(PaymentsController.class).parser(Parser.text())
            .offsetStore(store).retries(3, Duration.ofMillis(10))))
        .build();
  }

  private static void produce(Gregor gregor, String topic, int from, int to) {
    gregor.deliverMessages(IntStream.range(from, to).mapToObj(i -> PendingMessage.of(topic, "p-" + i,
        Produce.key("k" + i))).collect(Collectors.toList()));
  }

  static DataSource withPayments(DataSource db) {
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE payments (topic VARCHAR(255), payment VARCHAR(255) PRIMARY KEY)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return db;
  }

  private static int rows(DataSource db, String topic) throws SQLException {
    return (int) count(db, "SELECT COUNT(*) FROM payments WHERE topic = '" + topic + "'");
  }

  private static long stored(DataSource db, String topic) throws SQLException {
    return count(db, "SELECT COALESCE(SUM(next_offset), 0) FROM gregor_offsets WHERE topic = '" + topic + "'");
  }

  private static long count(DataSource db, String sql) throws SQLException {
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
