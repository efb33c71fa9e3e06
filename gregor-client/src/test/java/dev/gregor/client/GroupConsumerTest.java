package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.gregor.client.GroupOffsets.committedTotal;
import static dev.gregor.client.GroupOffsets.write;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// ruby-kafka: "Consumer Groups", "Consumer Checkpointing", "Consuming Messages in Batches".
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class GroupConsumerTest {

  @ParameterizedTest
  @EnumSource(GroupProtocol.class)
  void eachMessageProcessesEverythingAndCommitsWhenStopped(GroupProtocol protocol, Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(2);
    write(gregor, topic, 10);
    String group = topic + "-group";
    List<String> seen = new CopyOnWriteArrayList<>();

    GroupConsumer consumer = gregor.consumer(group, c -> c.groupProtocol(protocol));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      seen.add(message.valueAsString());
      if (seen.size() == 10) {
        consumer.stop();
      }
    });

    assertThat(seen).hasSize(10).doesNotHaveDuplicates();
    assertThat(committedTotal(admin, group)).isEqualTo(10);
  }

  @Test
  void aFailingHandlerLeavesItsMessageUncommittedAndTheNextMemberResumesThere(Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    String group = topic + "-group";

    GroupConsumer first = gregor.consumer(group);
    first.subscribe(topic);
    assertThatThrownBy(() -> first.eachMessage(message -> {
      if (message.offset() == 3) {
        throw new IllegalStateException("cannot process offset 3");
      }
    })).isInstanceOf(ProcessingFailed.class).cause().isInstanceOf(IllegalStateException.class);
    assertThat(committedTotal(admin, group)).isEqualTo(3);

    List<Long> resumed = new CopyOnWriteArrayList<>();
    GroupConsumer second = gregor.consumer(group);
    second.subscribe(topic);
    second.eachMessage(message -> {
      resumed.add(message.offset());
      if (message.offset() == 4) {
        second.stop();
      }
    });
    assertThat(resumed).containsExactly(3L, 4L);
  }

  @Test
  void withManualMarkingOnlyMarkedMessagesAreCommitted(Gregor gregor, Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 6);
    String group = topic + "-group";

    GroupConsumer consumer = gregor.consumer(group, c -> c.automaticallyMarkAsProcessed(false));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      if (message.offset() == 2) {
        consumer.markMessageAsProcessed(message); // marks 0..2
      }
      if (message.offset() == 5) {
        consumer.stop();
      }
    });

    assertThat(committedTotal(admin, group)).isEqualTo(3);

    List<Long> resumed = new CopyOnWriteArrayList<>();
    GroupConsumer next = gregor.consumer(group);
    next.subscribe(topic);
    next.eachMessage(message -> {
      resumed.add(message.offset());
      next.stop();
    });
    assertThat(resumed).containsExactly(3L);
  }

  @Test
  void offsetCommitIntervalCommitsWhileStillRunning(Gregor gregor, Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 4);
    String group = topic + "-group";
    GroupConsumer consumer = gregor.consumer(group, c -> c.offsetCommitInterval(Duration.ofMillis(100)));
    consumer.subscribe(topic);
    Thread running = new Thread(() -> consumer.eachMessage(message -> { }));
    running.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> committedTotal(admin, group) == 4);
    assertThat(running.isAlive()).isTrue();
    consumer.stop();
    running.join(30_000);
  }

  @Test
  void offsetCommitThresholdCommitsWhileStillRunning(Gregor gregor, Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 4);
    String group = topic + "-group";
    GroupConsumer consumer = gregor.consumer(group, c -> c.offsetCommitThreshold(1).offsetCommitInterval(Duration.ZERO));
    consumer.subscribe(topic);
    Thread running = new Thread(() -> consumer.eachMessage(message -> { }));
    running.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> committedTotal(admin, group) == 4);
    assertThat(running.isAlive()).isTrue();

    consumer.stop(); // from another thread
    running.join(30_000);
    assertThat(running.isAlive()).isFalse();
  }

  @Test
  void eachBatchSeesPartitionOffsetsAndTheHighWatermark(Gregor gregor, Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    String group = topic + "-group";
    List<Batch> batches = new CopyOnWriteArrayList<>();

    GroupConsumer consumer = gregor.consumer(group);
    consumer.subscribe(topic);
    consumer.eachBatch(batch -> {
      batches.add(batch);
      if (batch.lastOffset() == 4) {
        consumer.stop();
      }
    });

    assertThat(batches).allSatisfy(b -> {
      assertThat(b.topic()).isEqualTo(topic);
      assertThat(b.highWatermark()).isEqualTo(5);
      assertThat(b.offsetLag()).isEqualTo(4 - b.lastOffset());
    });
    assertThat(batches.stream().flatMap(b -> b.messages().stream()).map(Message::offset).collect(Collectors.toList()))
        .containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(committedTotal(admin, group)).isEqualTo(5);
  }

  @Test
  void consumingBeforeSubscribingIsRefused(Gregor gregor) {
    GroupConsumer consumer = gregor.consumer("never-subscribed");

    assertThatThrownBy(() -> consumer.eachMessage(m -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("subscribe");
  }
}
