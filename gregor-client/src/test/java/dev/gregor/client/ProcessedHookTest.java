package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// Issue 18, "instrumentation nearly free": franz-go-style hooks, called in place with primitives, for per-message meters.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ProcessedHookTest {
  record Call(String group, String topic, int partition, long offset, long lag, long nanos, boolean failed,
      String thread) {}

  private static ProcessedHook recording(List<Call> calls) {
    return (group, topic, partition, offset, lag, nanos, failed) ->
        calls.add(new Call(group, topic, partition, offset, lag, nanos, failed, Thread.currentThread().getName()));
  }

  @Test
  void aHookHearsEachMessageOfAGroupOnTheConsumersThreadWithLagDurationAndFailure(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    for (int i = 0; i < 3; i++) {
      gregor.deliverMessage(topic, "m" + i);
    }
    List<Call> calls = new CopyOnWriteArrayList<>();
    List<String> handlerThreads = new CopyOnWriteArrayList<>();
    NotificationSubscription hook = gregor.notifications().hook(recording(calls));
    GroupConsumer consumer = gregor.consumer(topic + "-group", c -> c.errorPolicy(ErrorPolicy.skip(failure -> { })));
    consumer.subscribe(true, topic);
    consumer.eachMessage(message -> {
      handlerThreads.add(Thread.currentThread().getName());
      if (message.offset() == 2) {
        consumer.stop();
      }
      if (message.offset() == 1) {
        throw new IllegalStateException("the second one fails");
      }
    });

    assertThat(calls).extracting(Call::offset).containsExactly(0L, 1L, 2L);
    assertThat(calls).extracting(Call::lag).containsExactly(2L, 1L, 0L);
    assertThat(calls).extracting(Call::failed).containsExactly(false, true, false);
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.group()).isEqualTo(topic + "-group");
      assertThat(call.topic()).isEqualTo(topic);
      assertThat(call.partition()).isZero();
      assertThat(call.nanos()).isPositive();
      assertThat(call.thread()).isEqualTo(handlerThreads.get(0));
    });
    assertThat(hook.dropped()).isZero();
    hook.close();
  }

  @Test
  void withoutAGroupTheHookGetsNoGroupAndOnAQueueNoLag(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    gregor.deliverMessage(topic, "only");
    List<Call> calls = new CopyOnWriteArrayList<>();
    NotificationSubscription hook = gregor.notifications().hook(recording(calls));

    gregor.eachMessage(topic, Consume.fromBeginning().exitAtEnd(), message -> { });
    try (QueueConsumer queue = gregor.queue(topic + "-queue", q -> q.startFromBeginning(true))) {
      queue.subscribe(topic);
      Thread member = new Thread(() -> queue.eachMessage(job -> { }));
      member.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> calls.size() == 2);
      queue.stop();
      member.join(30_000);
    }

    assertThat(calls.get(0).group()).isNull();
    assertThat(calls.get(0).lag()).isZero();
    assertThat(calls.get(1).group()).isEqualTo(topic + "-queue");
    assertThat(calls.get(1).lag()).isEqualTo(-1);
    hook.close();
  }

  @Test
  void aHookThatThrowsIsCountedAndTheConsumerGoesOnAndAClosedHookHearsNothingMore(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    gregor.deliverMessage(topic, "a");
    gregor.deliverMessage(topic, "b");
    List<Call> calls = new CopyOnWriteArrayList<>();
    NotificationSubscription throwing = gregor.notifications().hook((group, t, partition, offset, lag, nanos, failed) -> {
      throw new IllegalStateException("a broken meter");
    });
    NotificationSubscription closed = gregor.notifications().hook(recording(calls));
    closed.close();
    List<String> handled = new CopyOnWriteArrayList<>();

    gregor.eachMessage(topic, Consume.fromBeginning().exitAtEnd(), message -> handled.add(message.valueAsString()));

    assertThat(handled).containsExactly("a", "b");
    assertThat(throwing.failed()).isEqualTo(2);
    assertThat(calls).isEmpty();
    throwing.close();
  }
}
