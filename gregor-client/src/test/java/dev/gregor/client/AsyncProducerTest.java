package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// ruby-kafka: "Asynchronously Producing Messages"; confluent-kafka-go: delivery reports and Flush.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class AsyncProducerTest {
  @Test
  void deliverMessagesReturnsAtOnceAndTheBackgroundThreadDelivers(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    try (AsyncProducer producer = gregor.asyncProducer(a -> { })) {
      List<CompletableFuture<Delivered>> reports = List.of(producer.produce(topic, "a"), producer.produce(topic, "b"));

      producer.deliverMessages();

      await().atMost(Duration.ofSeconds(30)).until(() -> reports.stream().allMatch(CompletableFuture::isDone));
      assertThat(reports.get(1).join().offset()).isEqualTo(1);
    }
    assertThat(BufferedProducerTest.values(Records.readAll(kafka.clientConfig(), topic, 2))).containsExactly("a", "b");
  }

  @Test
  void deliveryThresholdDeliversWithoutBeingAsked(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    try (AsyncProducer producer = gregor.asyncProducer(a -> a.deliveryThreshold(5))) {
      List<CompletableFuture<Delivered>> reports = IntStream.range(0, 5)
          .mapToObj(i -> producer.produce(topic, "m" + i)).collect(Collectors.toList());

      await().atMost(Duration.ofSeconds(30)).until(() -> reports.stream().allMatch(CompletableFuture::isDone));
      assertThat(reports).allSatisfy(r -> assertThat(r).isCompleted());
    }
  }

  @Test
  void deliveryIntervalDeliversWithoutBeingAsked(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    try (AsyncProducer producer = gregor.asyncProducer(a -> a.deliveryInterval(Duration.ofMillis(200)))) {
      CompletableFuture<Delivered> report = producer.produce(topic, "on the next tick");

      await().atMost(Duration.ofSeconds(30)).until(report::isDone);
      assertThat(report).isCompleted();
    }
  }

  @Test
  void shutdownDeliversWhatIsPendingAndDeliveryReportsArriveOnTheQueue(Gregor gregor, EmbeddedKafka kafka, TestTopics topics)
      throws InterruptedException {
    String topic = topics.create(1);
    LinkedBlockingQueue<DeliveryReport> reports = new LinkedBlockingQueue<>();
    AsyncProducer producer = gregor.asyncProducer(a -> a.deliveryReports(reports));
    IntStream.range(0, 10).forEach(i -> producer.produce(topic, "pending " + i));

    List<PendingMessage> undelivered = producer.shutdown(Duration.ofSeconds(30));

    assertThat(undelivered).isEmpty();
    assertThat(producer.outstanding()).isZero();
    assertThat(Records.readAll(kafka.clientConfig(), topic, 10)).hasSize(10);
    List<DeliveryReport> received = new ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      reports.drainTo(received);
      return received.size() == 10;
    });
    assertThat(received).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
  }

  @Test
  void producersOnManyThreadsKeepEachThreadsOrder(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    try (AsyncProducer producer = gregor.asyncProducer(a -> a.deliveryThreshold(100).maxQueueSize(10_000))) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        threads.add(new Thread(() -> IntStream.range(0, 250).forEach(i -> producer.produce(topic, thread + ":" + i))));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join(30_000);
      }
      assertThat(producer.flush(Duration.ofSeconds(30))).isZero();
    }
    List<String> values = BufferedProducerTest.values(Records.readAll(kafka.clientConfig(), topic, 1000));
    assertThat(values).hasSize(1000);
    Map<String, List<Integer>> perThread = values.stream().collect(Collectors.groupingBy(v -> v.split(":")[0],
        Collectors.mapping(v -> Integer.parseInt(v.split(":")[1]), Collectors.toList())));
    assertThat(perThread.values()).allSatisfy(seq -> assertThat(seq).isSorted().hasSize(250));
  }

  @Test
  void deliveriesStartWhileEarlierOnesAwaitTheirAcknowledgementsAndKeepTheOrder(Gregor gregor, EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(1);
    int count = 2_000;
    AtomicInteger open = new AtomicInteger();
    AtomicInteger mostOpen = new AtomicInteger();
    try (NotificationSubscription spans = gregor.notifications().subscribeSpans(ClientEvent.DELIVER_MESSAGES, n -> {
      if (n.phase() == Notification.Phase.START) {
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      } else {
        open.decrementAndGet();
      }
    }); AsyncProducer producer = gregor.asyncProducer(a -> a.deliveryThreshold(1).maxQueueSize(count))) {
      IntStream.range(0, count).forEach(i -> producer.produce(topic, Integer.toString(i)));

      assertThat(producer.flush(Duration.ofSeconds(30))).isZero();
      await().atMost(Duration.ofSeconds(10)).until(() -> open.get() == 0);
    }
    // One delivery per message, and the next began before the last was acknowledged: they overlapped.
    assertThat(mostOpen.get()).isGreaterThan(1);
    List<Integer> values = BufferedProducerTest.values(Records.readAll(kafka.clientConfig(), topic, count)).stream()
        .map(Integer::parseInt).collect(Collectors.toList());
    assertThat(values).hasSize(count).isSorted();
  }

  @Test
  void shutdownWhileMessagesAreStillQueuedKeepsTheirOrder(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    // Found by gregor-chaos (issue 9): a message the worker had just taken from its queue when the
    // shutdown request arrived was put back behind every later message.
    String topic = topics.create(1);
    int count = 5_000;
    AsyncProducer producer = gregor.asyncProducer(a -> a.maxQueueSize(count).producer(p -> p.maxBufferSize(100)));
    IntStream.range(0, count).forEach(i -> producer.produce(topic, Integer.toString(i)));

    assertThat(producer.shutdown(Duration.ofSeconds(60))).isEmpty();

    List<Integer> values = BufferedProducerTest.values(Records.readAll(kafka.clientConfig(), topic, count)).stream()
        .map(Integer::parseInt).collect(Collectors.toList());
    assertThat(values).hasSize(count).isSorted();
  }

  @Test
  void fullQueueOverflowsAndShutdownReportsWhatCouldNotBeDelivered() {
    try (EmbeddedKafka own = EmbeddedKafka.builder().start()) {
      own.createTopic("down", 1, 1);
      Config config = Config.builder().seedBrokers(own.bootstrapServers())
          .connectTimeout(Duration.ofSeconds(2)).deliveryTimeout(Duration.ofSeconds(2)).build();
      try (Gregor client = Gregor.connect(config)) {
        own.stop(1);
        AsyncProducer producer = client.asyncProducer(a -> a.deliveryThreshold(1).maxQueueSize(3));
        CompletableFuture<Delivered> first = producer.produce("down", "first");

        assertThatThrownBy(() -> IntStream.range(0, 100).forEach(i -> producer.produce("down", "more " + i)))
            .isInstanceOf(BufferOverflow.class)
            .hasMessageContaining("maxQueueSize");

        List<PendingMessage> undelivered = producer.shutdown(Duration.ofSeconds(1));
        assertThat(undelivered).isNotEmpty();
        assertThat(undelivered.get(0).topic()).isEqualTo("down");
        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DeliveryFailed.class)
            .cause().hasMessageContaining("the last attempt failed").hasMessageContaining("down");
        assertThat(producer.outstanding()).isZero();
      }
    }
  }
}
