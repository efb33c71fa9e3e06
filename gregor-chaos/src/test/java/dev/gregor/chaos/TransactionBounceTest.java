package dev.gregor.chaos;

import static org.awaitility.Awaitility.await;

import dev.gregor.chaos.ClusterFaults.Fault;
import dev.gregor.client.Config;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Produce;
import dev.gregor.client.TransactionalProducer;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.ProcessMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: consume-transform-produce with transactions (input offsets committed in the output
 * transaction) while brokers are bounced; a read_committed reader must find every input record in
 * the output exactly once.
 */
@Tag("chaos")
@Tag("chaos-full")
class TransactionBounceTest {
  private static final String GROUP = "chaos-transformer";

  @Test
  void transformedOutputHasEveryInputRecordExactlyOnceForReadCommittedReaders() throws Exception {
    int bounces = 4;
    History input = new History();
    History output = new History();
    try (EmbeddedKafka cluster = EmbeddedKafka.builder().nodes(3).mode(ProcessMode.CHILD_JVM).start();
         Admin admin = cluster.admin()) {
      cluster.createTopic("input", 3, 3, Map.of("min.insync.replicas", "2"));
      cluster.createTopic("output", 3, 3, Map.of("min.insync.replicas", "2"));
      Transformer transformer = new Transformer(cluster.bootstrapServers());
      try (Gregor producer = Gregor.connect(Config.builder().seedBrokers(cluster.bootstrapServers())
          .deliveryTimeout(Duration.ofSeconds(60)).build()); Throttle throttle = new Throttle(300)) {
        BufferedLoad load = new BufferedLoad(producer, "input", input, throttle, Long.MAX_VALUE, p -> {});
        load.start();
        transformer.start();
        for (int bounce = 0; bounce < bounces; bounce++) {
          awaitOutputProgress(transformer);
          Fault fault = bounce % 2 == 0 ? Fault.KILL_LEADER : Fault.STOP_LEADER;
          int node = fault.apply(cluster, admin, "output");
          awaitOutputProgress(transformer);
          cluster.restart(node);
          ClusterFaults.awaitHealed(admin, List.of("input", "output"));
        }
        load.stop();
        long inputCount = input.acknowledgedCount();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
            .until(() -> transformer.caughtUp(producer, inputCount));
      } finally {
        transformer.stop();
      }
      input.acknowledgedRecords().forEach(output::expected);
      LogReader.readAll(cluster.bootstrapServers(), "output", output, true);
      ScenarioLog.checkAndLog(output.check("5 transactional consume-transform-produce, broker bounce x" + bounces
          + " (" + transformer.restarts() + " transformer restarts), read_committed"), Guarantee.EXACTLY_ONCE);
    }
  }

  private static void awaitOutputProgress(Transformer transformer) {
    long from = transformer.transformed();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
        .until(() -> transformer.transformed() >= from + 150);
  }

  /**
   * The transformer as Kafka recommends: each poll's batch per partition becomes one transaction
   * carrying the input offsets; after any failure it starts over with a new producer (which fences
   * the old one) and a new consumer (which resumes at the offsets the last committed transaction stored).
   */
  private static final class Transformer {
    private final String bootstrap;
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicLong transformed = new AtomicLong();
    private volatile boolean stopping;
    private volatile GroupConsumer consumer;
    private final Thread thread = new Thread(this::run, "chaos-transformer");

    Transformer(String bootstrap) {
      this.bootstrap = bootstrap;
    }

    void start() {
      thread.start();
    }

    private void run() {
      while (!stopping) {
        try (Gregor kafka = Gregor.connect(Config.builder().seedBrokers(bootstrap).clientId("chaos-transformer")
                 .deliveryTimeout(Duration.ofSeconds(60)).property("isolation.level", "read_committed").build());
             TransactionalProducer producer = kafka.transactionalProducer("chaos-transformer")) {
          consumer = kafka.consumer(GROUP, c -> c.automaticallyMarkAsProcessed(false).offsetCommitInterval(Duration.ZERO)
              .sessionTimeout(Duration.ofSeconds(6)).heartbeatInterval(Duration.ofSeconds(1)));
          consumer.subscribe("input");
          if (stopping) {
            return;
          }
          consumer.eachBatch(batch -> {
            producer.inTransaction(tx -> {
              for (Message message : batch.messages()) {
                tx.produce("output", message.value(), Produce.options().withKey(message.key()));
              }
              tx.sendOffsets(GROUP, "input", batch.partition(), batch.lastOffset() + 1);
            });
            transformed.addAndGet(batch.messages().size());
          });
          consumer.close();
        } catch (RuntimeException e) {
          if (!stopping) {
            restarts.incrementAndGet();
          }
        }
      }
    }

    /** Records in committed transactions, repeats after a restart included: a measure of progress. */
    long transformed() {
      return transformed.get();
    }

    /** Whether the offsets committed by the transactions cover all {@code inputCount} input records. */
    boolean caughtUp(Gregor kafka, long inputCount) {
      return kafka.groups().describe(GROUP).offsets().stream().filter(p -> p.topic().equals("input"))
          .mapToLong(p -> Math.max(0, p.committedOffset())).sum() >= inputCount;
    }

    int restarts() {
      return restarts.get();
    }

    void stop() throws InterruptedException {
      stopping = true;
      GroupConsumer current = consumer;
      if (current != null) {
        current.stop();
      }
      thread.join(60_000);
    }
  }
}
