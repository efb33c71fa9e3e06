package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Config;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.Gregor;
import dev.gregor.client.HandlerFailure;
import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: partition 0 holds an undecodable record, partition 1 a record whose handler always
 * throws; under skip and under retry-then-skip every partition keeps moving and nothing after the
 * pills is lost or processed twice.
 */
@Tag("chaos")
@EmbeddedKafkaTest
class PoisonPillTest {
  private static final int PER_PARTITION = Scale.pick(100, 1000);
  private static final byte[] UNDECODABLE = {(byte) 0xFF, 0x00, (byte) 0xFE};

  @Test
  void skipPolicyMovesEveryPartitionPastUndecodableAndFailingRecords(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    List<HandlerFailure> failures = pillsAreSkipped(kafka, topics, "skip", report -> ErrorPolicy.skip(report));
    assertThat(failures).extracting(HandlerFailure::attempt).containsOnly(1);
  }

  @Test
  void retryPolicyRetriesThePillsThenSkipsThemAndLosesNothingBehindThem(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    List<HandlerFailure> failures = pillsAreSkipped(kafka, topics, "retry x3 then skip",
        report -> ErrorPolicy.retry(3, Duration.ofMillis(50), Duration.ofMillis(200), ErrorPolicy.skip(report)));
    assertThat(failures).extracting(HandlerFailure::attempt).containsOnly(3);
  }

  private List<HandlerFailure> pillsAreSkipped(EmbeddedKafka kafka, TestTopics topics, String policyName,
      Function<Consumer<HandlerFailure>, ErrorPolicy> policy) throws Exception {
    String topic = topics.create(3);
    String member = topic + "-member";
    History history = new History();
    List<HandlerFailure> skipped = new CopyOnWriteArrayList<>();
    writeWithPills(kafka.bootstrapServers(), topic, history);

    CommitObserver.install(member, topic, history);
    try (Gregor client = Gregor.connect(Config.builder().seedBrokers(kafka.bootstrapServers()).clientId(member)
        .property(CommitObserver.PROPERTY, CommitObserver.class.getName()).build())) {
      GroupConsumer consumer = client.consumer("chaos-" + topic, c -> c.offsetCommitThreshold(10)
          .errorPolicy(policy.apply(failure -> {
            skipped.add(failure);
            history.processed(member, failure.partition(), failure.offset(), Sequenced.parse(failure.messages().get(0).value()));
          })));
      consumer.subscribe(topic);
      Thread loop = new Thread(() -> consumer.eachMessage(message -> handle(member, message, history)), "chaos-pills");
      loop.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> history.processingEvents() >= 3 * PER_PARTITION + 2);
      consumer.stop();
      loop.join(30_000);
      assertThat(client.groups().describe("chaos-" + topic).totalLag()).as("lag after the pills").isZero();
    } finally {
      CommitObserver.uninstall(member);
    }
    ScenarioLog.checkAndLog(history.check("6 poison pills (undecodable + always-throwing), " + policyName),
        Guarantee.EXACTLY_ONCE);
    assertThat(skipped).extracting(HandlerFailure::partition).containsExactlyInAnyOrder(0, 1);
    return skipped;
  }

  private static void handle(String member, Message message, History history) {
    Sequenced record = Sequenced.parse(message.value());
    if (record == null) {
      throw new IllegalArgumentException("undecodable value at " + message.partition() + "/" + message.offset());
    }
    if (record.key().equals("poison")) {
      throw new IllegalStateException("this handler always fails on " + record);
    }
    history.processed(member, message.partition(), message.offset(), record);
  }

  /** Partition p gets records keyed "p&lt;p&gt;"; halfway, partition 0 gets an undecodable value and partition 1 the poison record. */
  private static void writeWithPills(String bootstrap, String topic, History history) {
    List<PendingMessage> messages = new ArrayList<>();
    List<Sequenced> records = new ArrayList<>();
    for (int i = 0; i < PER_PARTITION; i++) {
      for (int partition = 0; partition < 3; partition++) {
        if (i == PER_PARTITION / 2 && partition < 2) {
          byte[] pill = partition == 0 ? UNDECODABLE : new Sequenced("poison", 0).value(Load.VALUE_SIZE);
          messages.add(new PendingMessage(topic, pill, Produce.partition(partition)));
          records.add(null);
        }
        Sequenced record = new Sequenced("p" + partition, i);
        messages.add(new PendingMessage(topic, record.value(Load.VALUE_SIZE), Produce.partition(partition).withKey(record.key())));
        records.add(record);
      }
    }
    try (Gregor producer = Gregor.connect(bootstrap)) {
      var delivered = producer.deliverMessages(messages);
      for (int i = 0; i < records.size(); i++) {
        if (records.get(i) != null) {
          history.acknowledged(records.get(i), delivered.get(i).partition(), delivered.get(i).offset());
        }
      }
    }
  }
}
