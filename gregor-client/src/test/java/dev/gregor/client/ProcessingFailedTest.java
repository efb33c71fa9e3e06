package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.committedTotal;
import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// Issue 20, defects 6 and 12 (handler exceptions) and 14 (a policy returning null): ruby-kafka's ProcessingError.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class ProcessingFailedTest {

  @Test
  void aHandlerExceptionUnderTheStopPolicyEndsEachMessageWithProcessingFailedNamingWhereItFailed(Gregor gregor,
      Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    String group = topic + "-group";
    IllegalStateException cause = new IllegalStateException("cannot process m3");

    GroupConsumer consumer = gregor.consumer(group);
    consumer.subscribe(topic);
    assertThatThrownBy(() -> consumer.eachMessage(message -> {
      if (message.offset() == 3) {
        throw cause;
      }
    })).isInstanceOfSatisfying(ProcessingFailed.class, failed -> {
      assertThat(failed.groupId()).isEqualTo(group);
      assertThat(failed.topic()).isEqualTo(topic);
      assertThat(failed.partition()).isZero();
      assertThat(failed.offset()).isEqualTo(3);
      assertThat(failed.lastOffset()).isEqualTo(3);
      assertThat(failed.getCause()).isSameAs(cause);
      assertThat(failed).hasMessageContaining("group '" + group + "' topic '" + topic + "' partition 0 offset 3")
          .hasMessageContaining("cannot process m3");
    });
    assertThat(committedTotal(admin, group)).isEqualTo(3);
  }

  @Test
  void aFailingBatchHandlerNamesTheBatchsOffsetRange(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    AtomicReference<Batch> failedBatch = new AtomicReference<>();

    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);
    assertThatThrownBy(() -> consumer.eachBatch(batch -> {
      failedBatch.set(batch);
      throw new IOException("index unavailable");
    })).isInstanceOfSatisfying(ProcessingFailed.class, failed -> {
      assertThat(failed.offset()).isEqualTo(failedBatch.get().firstOffset());
      assertThat(failed.lastOffset()).isEqualTo(failedBatch.get().lastOffset());
      assertThat(failed.getCause()).isInstanceOf(IOException.class).hasMessage("index unavailable");
      if (failed.lastOffset() > failed.offset()) {
        assertThat(failed).hasMessageContaining("offsets " + failed.offset() + ".." + failed.lastOffset());
      }
    });
  }

  @Test
  void groupLessEachMessageWrapsEvenAnUncheckedHandlerException(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    write(gregor, topic, 2);
    IllegalArgumentException cause = new IllegalArgumentException("bad payload");

    assertThatThrownBy(() -> gregor.eachMessage(topic, message -> {
      if (message.offset() == 1) {
        throw cause;
      }
    })).isInstanceOfSatisfying(ProcessingFailed.class, failed -> {
      assertThat(failed.groupId()).isNull();
      assertThat(failed.offset()).isEqualTo(1);
      assertThat(failed.getCause()).isSameAs(cause);
      assertThat(failed).hasMessageStartingWith("The handler failed on topic '" + topic + "' partition 0 offset 1");
    });
  }

  @Test
  void aStreamActionThatThrowsEndsTheStreamWithProcessingFailedAndCommitsWhatWentBefore(Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 5);
    String group = topic + "-group";
    GroupConsumer consumer = gregor.consumer(group);
    consumer.subscribe(topic);

    try (Stream<Message> messages = consumer.stream()) {
      assertThatThrownBy(() -> messages.forEach(message -> {
        if (message.offset() == 2) {
          throw new IllegalStateException("cannot process m2");
        }
      })).isInstanceOfSatisfying(ProcessingFailed.class, failed -> {
        assertThat(failed.offset()).isEqualTo(2);
        assertThat(failed.getCause()).hasMessage("cannot process m2");
      });
    }
    assertThat(committedTotal(admin, group)).isEqualTo(2);
  }

  @Test
  void aSubscriberWhoseOnNextThrowsGetsProcessingFailedInOnError(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 3);
    GroupConsumer consumer = gregor.consumer(topic + "-group");
    consumer.subscribe(topic);
    AtomicReference<Throwable> error = new AtomicReference<>();
    CountDownLatch ended = new CountDownLatch(1);

    consumer.publisher().subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(Message item) {
        throw new IllegalStateException("subscriber broke on " + item.offset());
      }

      @Override
      public void onError(Throwable throwable) {
        error.set(throwable);
        ended.countDown();
      }

      @Override
      public void onComplete() {
        ended.countDown();
      }
    });

    assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(error.get()).isInstanceOf(ProcessingFailed.class).hasMessageContaining("offset 0")
        .cause().hasMessage("subscriber broke on 0");
  }

  @Test
  void anErrorPolicyReturningNullStopsAsStopWouldNamingThePolicysContract(Gregor gregor, Admin admin,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    write(gregor, topic, 4);
    String group = topic + "-group";
    AtomicLong handled = new AtomicLong();

    GroupConsumer consumer = gregor.consumer(group, c -> c.errorPolicy(failure -> null));
    consumer.subscribe(topic);
    assertThatThrownBy(() -> consumer.eachMessage(message -> {
      handled.incrementAndGet();
      if (message.offset() == 2) {
        throw new IllegalStateException("cannot process m2");
      }
    })).isInstanceOf(ProcessingFailed.class)
        .hasMessageContaining("errorPolicy returned null")
        .hasMessageContaining("Decision.stop(), skip() or retryAfter(wait)")
        .cause().hasMessage("cannot process m2");

    assertThat(handled.get()).isEqualTo(3);
    assertThat(committedTotal(admin, group)).isEqualTo(2);
  }
}
