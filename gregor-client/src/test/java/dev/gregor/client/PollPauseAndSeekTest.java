package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// A pause or seek between two polls applies from the next event, as it does within eachMessage's handler,
// not after the rest of the messages a fetch already brought.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class PollPauseAndSeekTest {
  private static final Duration POLL = Duration.ofMillis(200);

  @ParameterizedTest(name = "asked from another thread: {0}")
  @ValueSource(booleans = {false, true})
  void aSeekBetweenPollsReadsFromTheNewOffsetAtTheNextMessage(boolean otherThread, Gregor gregor, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 0, 20); // written first, so that one fetch brings them all

    try (GroupConsumer consumer = gregor.consumer(topic + "-group")) {
      consumer.subscribe(topic);
      assertThat(nextMessage(consumer).offset()).isZero();
      onThread(otherThread, () -> consumer.seek(topic, 0, 15));

      assertThat(nextMessage(consumer).offset()).isEqualTo(15);
      assertThat(nextMessage(consumer).offset()).isEqualTo(16);
    }
  }

  @ParameterizedTest(name = "asked from another thread: {0}")
  @ValueSource(booleans = {false, true})
  void aPauseBetweenPollsHoldsThePartitionsRestUntilTheResumeAndLosesNone(boolean otherThread, Gregor gregor,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 0, 20);
    List<Long> offsets = new ArrayList<>();

    try (GroupConsumer consumer = gregor.consumer(topic + "-group")) {
      consumer.subscribe(topic);
      offsets.add(nextMessage(consumer).offset());
      onThread(otherThread, () -> consumer.pause(topic, 0));
      List<Event> whilePaused = new ArrayList<>();
      for (int i = 0; i < 5; i++) { // a second of polls: the fetched rest must not come out
        Event event = consumer.poll(POLL);
        if (event != null) {
          whilePaused.add(event);
        }
      }
      assertThat(whilePaused).noneMatch(Message.class::isInstance);
      consumer.resume(topic, 0);
      while (offsets.size() < 20) {
        offsets.add(nextMessage(consumer).offset());
      }
    }
    assertThat(offsets).containsExactlyElementsOf(LongStream.range(0, 20).boxed().toList());
  }

  /** Polls on this thread, the consumer's owner, until a message comes. */
  private static Message nextMessage(GroupConsumer consumer) {
    Message[] message = new Message[1];
    await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
      Event event = consumer.poll(POLL);
      if (event instanceof Message m) {
        message[0] = m;
        return true;
      }
      return false;
    });
    return message[0];
  }

  private static void onThread(boolean otherThread, Runnable call) throws InterruptedException {
    if (!otherThread) {
      call.run();
      return;
    }
    Thread thread = new Thread(call, "not-the-owner");
    thread.start();
    thread.join(Duration.ofSeconds(10).toMillis());
  }
}
