package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// Issue 16, "reset offsets" for share groups: kafka-share-groups --reset-offsets in the client.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ShareGroupResetTest {

  @Test
  void aStoppedShareGroupResetToTheEarliestOffsetDeliversEverythingAgain(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String group = topic + "-queue";
    produce(gregor, topic, 5);
    assertThat(consumeAll(gregor, topic, group, 5)).hasSize(5);
    await().atMost(Duration.ofSeconds(30)).until(() -> gregor.groups().describeShare(group).members().isEmpty());

    OffsetResetPlan plan = gregor.groups().planShareReset(group, topic, OffsetReset.toEarliest());
    assertThat(plan.activeMembers()).isZero();
    assertThat(plan.partitions()).singleElement().satisfies(p -> assertThat(p.target()).isZero());
    assertThat(gregor.groups().resetShareOffsets(group, topic, OffsetReset.toEarliest())).isEqualTo(Map.of(0, 0L));
    assertThat(gregor.groups().describeShare(group).offsets()).singleElement().satisfies(p -> {
      assertThat(p.committedOffset()).isZero();
      assertThat(p.lag()).isEqualTo(5);
    });

    assertThat(consumeAll(gregor, topic, group, 5)).containsExactlyInAnyOrder("m-0", "m-1", "m-2", "m-3", "m-4");
  }

  @Test
  void aShareGroupWithMembersIsRefusedEvenWhenForcedAndKeepsItsOffsets(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String group = topic + "-queue";
    produce(gregor, topic, 3);
    List<String> handled = new CopyOnWriteArrayList<>();
    try (QueueConsumer queue = gregor.queue(group, q -> q.startFromBeginning(true))) {
      queue.subscribe(topic);
      Thread member = new Thread(() -> queue.eachMessage(job -> handled.add(job.message().valueAsString())));
      member.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 3);

      assertThat(gregor.groups().planShareReset(group, topic, OffsetReset.toEarliest()).activeMembers()).isEqualTo(1);
      for (OffsetReset reset : List.of(OffsetReset.toEarliest(), OffsetReset.toEarliest().force())) {
        assertThat(catchThrowable(() -> gregor.groups().resetShareOffsets(group, topic, reset)))
            .isInstanceOf(GroupNotEmpty.class).hasMessageContaining("share group '" + group + "'")
            .hasMessageContaining("1 active member(s)");
      }
      queue.stop();
      member.join(30_000);
    }
    // Had a reset gone through, the three messages would be due again. (Kafka's reported start offset can trail
    // the acknowledgements, so the lag is what tells.)
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gregor.groups().describeShare(group).offsets())
        .singleElement().satisfies(p -> assertThat(p.lag()).isZero()));
  }

  @Test
  void shiftingAShareGroupThatNeverReadATopicNamesThePartitionWithoutAStartOffset(Gregor gregor, TestTopics topics) {
    String topic = topics.create(2);
    String group = topic + "-never";
    assertThat(catchThrowable(() -> gregor.groups().resetShareOffsets(group, topic, OffsetReset.shiftBy(-1))))
        .isInstanceOf(GregorException.class)
        .hasMessageContaining("share group '" + group + "'").hasMessageContaining("no start offset on partition 0");
    assertThat(catchThrowable(() -> gregor.groups().planShareReset(group, topic + "-missing", OffsetReset.toEarliest())))
        .isInstanceOf(UnknownTopic.class).hasMessageContaining(topic + "-missing");
  }

  private static void produce(Gregor gregor, String topic, int count) {
    gregor.deliverMessages(IntStream.range(0, count).mapToObj(i -> PendingMessage.of(topic, "m-" + i, Produce.options()))
        .collect(Collectors.toList()));
  }

  private static List<String> consumeAll(Gregor gregor, String topic, String group, int count) throws InterruptedException {
    List<String> handled = new CopyOnWriteArrayList<>();
    try (QueueConsumer queue = gregor.queue(group, q -> q.startFromBeginning(true))) {
      queue.subscribe(topic);
      Thread member = new Thread(() -> queue.eachMessage(job -> handled.add(job.message().valueAsString())));
      member.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() >= count);
      queue.stop();
      member.join(30_000);
    }
    return List.copyOf(handled);
  }
}
