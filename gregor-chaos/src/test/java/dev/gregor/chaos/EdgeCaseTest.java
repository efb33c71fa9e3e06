package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gregor.client.AsyncProducer;
import dev.gregor.client.Config;
import dev.gregor.client.ConnectionFailed;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.DeliveryReport;
import dev.gregor.client.Gregor;
import dev.gregor.client.MessageSizeTooLarge;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7 on a 3-node cluster without topic auto-creation: oversized records, a topic deleted
 * while in use, partitions added while consuming, a broker that is down when the client starts.
 * Each ends in bounded time with a clear error, and nothing acknowledged is lost.
 */
@Tag("chaos")
@Tag("chaos-full")
class EdgeCaseTest {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static EmbeddedKafka cluster;

  @BeforeAll
  static void startCluster() {
    cluster = EmbeddedKafka.builder().nodes(3).brokerConfig("auto.create.topics.enable", "false").start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void anOversizedRecordFailsAloneNamingItsSizeWhileTheRestOfTheBufferIsDelivered() {
    String topic = topic(Map.of("max.message.bytes", "10000"));
    History history = new History();
    DeliveryFailed failed;
    try (Gregor kafka = connect(); Producer producer = kafka.producer()) {
      for (int i = 0; i < 100; i++) {
        if (i == 50) {
          producer.produce(topic, new Sequenced("big", 0).value(20_000), Produce.key("big"));
        }
        Sequenced record = new Sequenced("k" + (i % 8), i / 8);
        history.attempted(record);
        producer.produce(topic, record.value(Load.VALUE_SIZE), Produce.key(record.key())).thenAccept(d ->
            history.acknowledged(record, d.partition(), d.offset()));
      }
      failed = assertThrows(DeliveryFailed.class, producer::deliverMessages);
      assertThat(producer.bufferSize()).isEqualTo(1);
      producer.clearBuffer();
    }
    assertThat(failed.failedMessages()).hasSize(1);
    assertThat(failed.getCause()).isInstanceOf(MessageSizeTooLarge.class).hasMessageContaining(topic);
    LogReader.readAll(cluster.bootstrapServers(), topic, history, false);
    ScenarioLog.checkAndLog(history.check("7a oversized record in a buffered delivery: " + firstLine(failed.getCause())),
        Guarantee.IDEMPOTENT_PRODUCER);
  }

  @Test
  void aRecordLargerThanTheFetchSizeDoesNotStopAGroupConsumer() throws Exception {
    String topic = topic(Map.of("max.message.bytes", "2000000"));
    History history = new History();
    try (Gregor kafka = connect(); Producer producer = kafka.producer(p -> p.maxBufferBytesize(5_000_000))) {
      for (int i = 0; i < 30; i++) {
        Sequenced record = new Sequenced("k0", i);
        int size = i == 15 ? 900_000 : Load.VALUE_SIZE;
        producer.produce(topic, record.value(size), Produce.partition(0).withKey("k0"))
            .thenAccept(d -> history.acknowledged(record, d.partition(), d.offset()));
      }
      producer.deliverMessages();
    }
    GroupMember member = new GroupMember(cluster.bootstrapServers(), topic, "chaos-" + topic, topic + "-m1", history,
        c -> c.maxBytesPerPartition(64 * 1024).offsetCommitThreshold(5), c -> {});
    await().atMost(Duration.ofSeconds(60)).until(() -> history.processedCount() >= 30 || !member.running());
    member.stop();
    ScenarioLog.checkAndLog(history.check("7a 900 KB record with a 64 KB fetch size per partition"), Guarantee.EXACTLY_ONCE);
  }

  @Test
  void aTopicDeletedWhileInUseFailsDeliveriesWithinTheDeliveryTimeoutAndTheConsumerStops() throws Exception {
    String topic = topic(Map.of());
    History history = new History();
    LinkedBlockingQueue<DeliveryReport> reports = new LinkedBlockingQueue<>();
    GroupMember member = new GroupMember(cluster.bootstrapServers(), topic, "chaos-" + topic, topic + "-m1", history,
        c -> c.offsetCommitThreshold(10), c -> {});
    try (Gregor kafka = Gregor.connect(Config.builder().seedBrokers(cluster.bootstrapServers())
        .connectTimeout(Duration.ofSeconds(5)).deliveryTimeout(Duration.ofSeconds(5)).build())) {
      AsyncProducer producer = kafka.asyncProducer(a -> a.deliveryThreshold(10).deliveryReports(reports)
          .redeliveryBackoff(Duration.ofMillis(500)));
      for (int i = 0; i < 100; i++) {
        producer.produce(topic, new Sequenced("k0", i).value(Load.VALUE_SIZE), Produce.key("k0"));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> history.processedCount() >= 100);

      kafka.topics().delete(topic);
      long deleted = System.nanoTime();
      CompletableFuture<?> late = producer.produce(topic, new Sequenced("k0", 100).value(Load.VALUE_SIZE), Produce.key("k0"));
      var undelivered = producer.shutdown(Duration.ofSeconds(5));
      double seconds = (System.nanoTime() - deleted) / 1e9;

      assertThat(undelivered).hasSize(1);
      assertThat(late).isCompletedExceptionally();
      Throwable cause = reports.stream().filter(r -> !r.succeeded()).findFirst().orElseThrow().error();
      await().atMost(Duration.ofSeconds(30)).until(() -> !member.running() || history.processingEvents() >= 100);
      member.stop();
      ScenarioLog.log(String.format("7b topic deleted while in use: producer gave up after %.1f s (%s); consumer %s -> PASS",
          seconds, firstLine(cause), member.failure() == null ? "stopped cleanly on stop()" : "failed: " + firstLine(member.failure())));
    }
  }

  @Test
  void partitionsAddedWhileConsumingAreReadWithoutLosingAnything() throws Exception {
    String topic = topic(Map.of());
    String group = "chaos-" + topic;
    History history = new History();
    Consumer<Config.Builder> fastMetadata = c -> c.property("metadata.max.age.ms", "1000");
    GroupMember first = new GroupMember(cluster.bootstrapServers(), topic, group, topic + "-m1", history,
        c -> c.offsetCommitThreshold(20), fastMetadata);
    GroupMember second = new GroupMember(cluster.bootstrapServers(), topic, group, topic + "-m2", history,
        c -> c.offsetCommitThreshold(20), fastMetadata);
    Config.Builder producerConfig = Config.builder().seedBrokers(cluster.bootstrapServers());
    fastMetadata.accept(producerConfig);
    try (Gregor kafka = Gregor.connect(producerConfig.build()); Throttle throttle = new Throttle(300)) {
      BufferedLoad load = new BufferedLoad(kafka, topic, history, throttle, Long.MAX_VALUE, p -> {});
      load.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> history.processedCount() >= 300);
      kafka.topics().createPartitions(topic, 6);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> history.processedPartitions().stream().anyMatch(partition -> partition >= 3));
      load.stop();
      await().atMost(Duration.ofSeconds(60)).until(() -> history.processedCount() >= history.acknowledgedCount());
    } finally {
      first.stop();
      second.stop();
    }
    ScenarioLog.checkAndLog(history.check("7c partitions added while consuming (3 -> 6)"), Guarantee.AT_LEAST_ONCE_CONSUMER);
  }

  @Test
  void aSeedBrokerThatIsDownAtStartIsSkippedAndAClusterThatIsDownFailsConnectInTime() throws Exception {
    String topic = topic(Map.of("min.insync.replicas", "2"));
    History history = new History();
    cluster.stop(1);
    try (Gregor kafka = connect(); Throttle throttle = new Throttle(500)) {
      BufferedLoad load = new BufferedLoad(kafka, topic, history, throttle, 1000, p -> {});
      load.start();
      await().atMost(Duration.ofSeconds(60)).until(load::finished);
      load.stop();
    } finally {
      cluster.restart(1);
    }
    LogReader.readAll(cluster.bootstrapServers(), topic, history, false);
    ScenarioLog.checkAndLog(history.check("7d first seed broker down at start"), Guarantee.IDEMPOTENT_PRODUCER);

    String downAddress;
    try (EmbeddedKafka single = EmbeddedKafka.builder().start()) {
      downAddress = single.bootstrapServers();
      single.stop(1);
      long start = System.nanoTime();
      assertThatThrownBy(() -> Gregor.connect(Config.builder().seedBrokers(downAddress)
          .connectTimeout(Duration.ofSeconds(3)).build()))
          .isInstanceOf(ConnectionFailed.class)
          .hasMessageContaining(downAddress.replace("localhost", "").replace(":", ""));
      ScenarioLog.log(String.format("7d whole cluster down at start: connect failed after %.1f s with ConnectionFailed -> PASS",
          (System.nanoTime() - start) / 1e9));
    }
  }

  private static String firstLine(Throwable error) {
    String text = error.getClass().getSimpleName() + ": " + error.getMessage();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String topic(Map<String, String> configs) {
    String name = "chaos-edge-" + TOPICS.incrementAndGet();
    cluster.createTopic(name, 3, 3, configs);
    return name;
  }

  private static Gregor connect() {
    return Gregor.connect(Config.builder().seedBrokers(cluster.bootstrapServers()).deliveryTimeout(Duration.ofSeconds(60))
        .build());
  }
}
