package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// Issue 5, "QueueConsumer consumers (share groups, KIP-932)".
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class QueueTest {

  @Test
  void moreMembersThanPartitionsShareTheWorkAndEachMessageIsAcceptedOnce(Gregor gregor, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    String group = topic + "-queue";
    List<String> handled = new CopyOnWriteArrayList<>();
    List<QueueConsumer> members = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      QueueConsumer member = gregor.queue(group, q -> q.startFromBeginning(true));
      member.subscribe(topic);
      members.add(member);
      threads.add(new Thread(() -> member.eachMessage(job -> handled.add(job.message().valueAsString()))));
    }
    threads.forEach(Thread::start);

    gregor.deliverMessages(IntStream.range(0, 20).mapToObj(i -> PendingMessage.of(topic, "job-" + i, Produce.options()))
        .collect(Collectors.toList()));

    await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() >= 20);
    members.forEach(QueueConsumer::stop);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertThat(handled).hasSize(20).doesNotHaveDuplicates();
  }

  @Test
  void aShareGroupIsListedAndDescribedWithItsMemberStartOffsetAndLag(Gregor gregor, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    String group = topic + "-queue";
    gregor.deliverMessages(IntStream.range(0, 3).mapToObj(i -> PendingMessage.of(topic, "job-" + i, Produce.options()))
        .collect(Collectors.toList()));
    List<String> handled = new CopyOnWriteArrayList<>();
    try (QueueConsumer queue = gregor.queue(group, q -> q.startFromBeginning(true))) {
      queue.subscribe(topic);
      Thread member = new Thread(() -> queue.eachMessage(job -> handled.add(job.message().valueAsString())));
      member.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 3);

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        GroupDescription description = gregor.groups().describeShare(group);
        assertThat(description.type()).isEqualTo("share");
        assertThat(description.members()).singleElement()
            .satisfies(m -> assertThat(m.assignment()).containsEntry(topic, List.of(0)));
        // The start offset is what the share coordinator persisted, which may trail the acknowledgements.
        assertThat(description.offsets()).singleElement().satisfies(offset -> {
          assertThat(offset.topic()).isEqualTo(topic);
          assertThat(offset.endOffset()).isEqualTo(3);
          assertThat(offset.committedOffset()).isBetween(0L, 3L);
          assertThat(offset.lag()).isBetween(0L, 3L);
        });
      });
      assertThat(gregor.groups().listShare()).anySatisfy(listed -> {
        assertThat(listed.groupId()).isEqualTo(group);
        assertThat(listed.type()).isEqualTo("share");
      });
      assertThat(gregor.groups().list()).noneMatch(listed -> listed.groupId().equals(group));
      queue.stop();
      member.join(30_000);
    }
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> gregor.groups().describeShare(topic + "-none")))
        .isInstanceOf(UnknownGroup.class).hasMessageContaining(topic + "-none");
  }

  @Test
  void aFailingMessageIsReleasedAndRedeliveredWithAGrowingDeliveryCount(Gregor gregor, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    gregor.deliverMessage(topic, "flaky");
    List<Integer> deliveries = new CopyOnWriteArrayList<>();
    QueueConsumer queue = gregor.queue(topic + "-queue", q -> q.startFromBeginning(true).maxDeliveries(5));
    queue.subscribe(topic);
    Thread running = new Thread(() -> queue.eachMessage(job -> {
      deliveries.add(job.deliveryCount());
      if (job.deliveryCount() < 3) {
        throw new IllegalStateException("not yet");
      }
    }));
    running.start();

    await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.contains(3));
    queue.stop();
    running.join(30_000);
    assertThat(deliveries).containsExactly(1, 2, 3);
  }

  @Test
  void aMessageThatAlwaysFailsIsRejectedAfterMaxDeliveriesAndTheRestFlows(Gregor gregor, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    gregor.deliverMessage(topic, "poison");
    gregor.deliverMessage(topic, "fine");
    List<String> seen = new CopyOnWriteArrayList<>();
    QueueConsumer queue = gregor.queue(topic + "-queue", q -> q.startFromBeginning(true).maxDeliveries(2));
    queue.subscribe(topic);
    Thread running = new Thread(() -> queue.eachMessage(job -> {
      seen.add(job.message().valueAsString() + "#" + job.deliveryCount());
      if (job.message().valueAsString().equals("poison")) {
        throw new IllegalStateException("cannot ever process this");
      }
    }));
    running.start();

    await().atMost(Duration.ofSeconds(60)).until(() -> seen.contains("fine#1") && seen.contains("poison#2"));
    queue.stop();
    running.join(30_000);
    assertThat(seen).doesNotContain("poison#3");
  }
}
