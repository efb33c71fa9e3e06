package dev.gregor.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Config;
import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.Gregor;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Message;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 8's zombie, made certain: a member's coordinator falls silent while its partition's
 * leader still serves its fetches, so the group expires it and gives the partition to a second
 * member; the first must not go on handing out records the second has already committed.
 */
@Tag("chaos")
@EmbeddedKafkaTest
class SilentCoordinatorTest {
  @Test
  void aMemberCutOffFromItsCoordinatorStopsHandingOutRecordsBeforeTheGroupMovesOn(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    String group = "chaos-" + topic;
    History history = new History();
    String broker = kafka.bootstrapServers();
    try (FaultyProxy proxy = new FaultyProxy(Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1)));
         Gregor producer = Gregor.connect(broker); Throttle throttle = new Throttle(100)) {
      proxy.delay(Duration.ofMillis(300)); // the cut-off member reads each record later than the other
      // It commits only when it stops, so no commit blocks it while it is cut off: it polls throughout.
      GroupMember cutOff = new GroupMember(proxy.address(), topic, group, topic + "-cut-off", history,
          s -> settings(s).offsetCommitThreshold(0).offsetCommitInterval(Duration.ofMinutes(10)),
          config -> config.seedBrokers(proxy.address()));
      GroupMember other = null;
      BufferedLoad load = new BufferedLoad(producer, topic, history, throttle, Long.MAX_VALUE, p -> {});
      load.start();
      try {
        awaitUntil("the first member processed 100 records", () -> history.processingEvents() >= 100);
        proxy.silenceCoordinator(true);
        int commitsBefore = history.commitCount();
        other = new GroupMember(broker, topic, group, topic + "-other", history, SilentCoordinatorTest::settings, config -> {});
        awaitUntil("the second member committed 10 times", () -> history.commitCount() >= commitsBefore + 10);
        load.stop();
        awaitUntil("everything acknowledged processed", () -> history.processedCount() >= history.acknowledgedCount());
      } finally {
        proxy.silenceCoordinator(false);
        proxy.resetAll(); // the cut-off member reconnects at once, to leave the group
        cutOff.stop();
        if (other != null) {
          other.stop();
        }
      }
    }
    assertThat(history.processedPartitions()).containsExactly(0);
    ScenarioLog.checkAndLog(history.check("8b coordinator silent to one member of two, its fetches still served"),
        Guarantee.AT_LEAST_ONCE_CONSUMER);
  }

  /**
   * The window can end in the middle of one poll's records: the member must stop there, not
   * after the rest of them. Once the coordinator is silent each record takes 250 ms, so the
   * records fetched together would last 25 s, and the window (session 6 s less heartbeat 1 s)
   * ends about 20 records in. The same for each way of reading: a handler, or messages pulled
   * one at a time (poll, stream and events share that path).
   */
  @ParameterizedTest
  @EnumSource(Reading.class)
  void aMemberCutOffInTheMiddleOfOnePollsRecordsStopsThereAndLosesNone(Reading reading, EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String broker = kafka.bootstrapServers();
    try (Gregor producer = Gregor.connect(broker)) {
      for (int i = 0; i < 100; i++) {
        producer.deliverMessage(topic, "record-" + i);
      }
    }
    Map<Long, Long> handledAfterSilence = new ConcurrentHashMap<>();
    AtomicInteger lastSeen = new AtomicInteger(-1);
    Set<Long> handled = ConcurrentHashMap.newKeySet();
    AtomicLong silencedAt = new AtomicLong();
    try (FaultyProxy proxy = new FaultyProxy(Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1)));
         Gregor member = Gregor.connect(Config.builder().seedBrokers(proxy.address()).build())) {
      // It commits only when it stops, so that no commit to the silent coordinator is what holds it up.
      GroupConsumer consumer = member.consumer("chaos-" + topic,
          s -> settings(s).offsetCommitThreshold(0).offsetCommitInterval(Duration.ofMinutes(10)));
      consumer.subscribe(true, topic);
      Consumer<Message> work = message -> {
        if (message.offset() == 2 && silencedAt.get() == 0) {
          proxy.silenceCoordinator(true);
          silencedAt.set(System.nanoTime());
        }
        handled.add(message.offset());
        if (silencedAt.get() != 0 && proxy.coordinatorSilent()) {
          handledAfterSilence.put(message.offset(), System.nanoTime() - silencedAt.get());
          LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // the record's work, while it matters
        }
      };
      Thread thread = new Thread(() -> reading.read(consumer, work), "chaos-mid-poll");
      thread.start();
      try {
        // Held back: nothing more is handed out for 3 s (at 250 ms a record, a member going on would show).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).during(Duration.ofSeconds(3))
            .alias("the member stopped handing out records").until(() -> {
              int seen = handledAfterSilence.size();
              return seen > 0 && seen == lastSeen.getAndSet(seen);
            });
        assertThat(handledAfterSilence.size()).as("records handed out after the coordinator fell silent")
            .isBetween(10, 40);
        assertThat(Collections.max(handledAfterSilence.values())).as("the last of them, nanoseconds after the silence")
            .isLessThan(Duration.ofSeconds(8).toNanos());
        proxy.silenceCoordinator(false);
        proxy.resetAll(); // the member reconnects, joins again and takes the held-back records once more
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
            .alias("every record handled once the coordinator answers").until(() -> handled.size() == 100);
      } finally {
        proxy.silenceCoordinator(false);
        consumer.stop();
        thread.join(60_000);
      }
    }
  }

  /** How the application takes its messages. */
  enum Reading {
    EACH_MESSAGE {
      @Override
      void read(GroupConsumer consumer, Consumer<Message> work) {
        consumer.eachMessage(work::accept);
      }
    },
    STREAM {
      @Override
      void read(GroupConsumer consumer, Consumer<Message> work) {
        try (Stream<Message> messages = consumer.stream()) {
          messages.forEach(work);
        }
      }
    };

    abstract void read(GroupConsumer consumer, Consumer<Message> work);
  }

  private static ConsumerSettings.Builder settings(ConsumerSettings.Builder settings) {
    return settings.offsetCommitThreshold(50).offsetCommitInterval(Duration.ofSeconds(1))
        .sessionTimeout(Duration.ofSeconds(6)).heartbeatInterval(Duration.ofSeconds(1));
  }

  private static void awaitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).alias(what).until(condition);
  }
}
