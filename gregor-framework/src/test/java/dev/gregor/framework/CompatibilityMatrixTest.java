package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's route settings in combination: every ordering with in-place retries or retry topics, each
 * plain, delayed or in batches (and one transactional route), on 40 messages of which some always fail and
 * some fail once. Whatever the combination, nothing is lost: each message is performed or dead-lettered,
 * the poison is never performed, and the whole topic is committed.
 */
@EmbeddedKafkaTest
class CompatibilityMatrixTest {
  private static final int MESSAGES = 40;
  /** Values that failed once already: "flaky" messages succeed on their second attempt. */
  static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

  enum Failure { IN_PLACE, RETRY_TOPICS }

  enum Shape { PLAIN, DELAYED, BATCH, TRANSACTIONAL }

  /** "poison" messages always fail, "flaky" ones fail their first attempt. */
  static final class MatrixController extends Controller {
    @Override
    protected void perform() {
      for (Params each : batch()) {
        String value = each.rawString();
        if (value.startsWith("poison") || (value.startsWith("flaky") && FAILED_ONCE.add(each.topic() + value))) {
          throw new IllegalStateException("fails on " + value);
        }
      }
      batch().forEach(Recorded::performed);
    }
  }

  static Stream<Arguments> combinations() {
    List<Arguments> all = new ArrayList<>();
    for (Ordering ordering : Ordering.values()) {
      for (Failure failure : Failure.values()) {
        for (Shape shape : List.of(Shape.PLAIN, Shape.DELAYED, Shape.BATCH)) {
          all.add(Arguments.of(ordering, failure, shape));
        }
      }
    }
    all.add(Arguments.of(Ordering.PARTITION, Failure.IN_PLACE, Shape.TRANSACTIONAL));
    return all.stream();
  }

  @ParameterizedTest(name = "{0} x {1} x {2}")
  @MethodSource("combinations")
  void nothingIsLostAndThePoisonIsNeverPerformed(Ordering ordering, Failure failure, Shape shape, EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(2);
    String dlt = topic + "_dlt";
    App app = Apps.build(kafka, "matrix", routes -> routes.topic(topic, route -> {
      route.controller(MatrixController.class).parser(Parser.text()).ordering(ordering).deadLetter(dlt);
      if (ordering != Ordering.PARTITION) {
        route.concurrency(4);
      }
      if (failure == Failure.IN_PLACE) {
        route.retries(2, Duration.ofMillis(10));
      } else {
        route.retryTopics(1, Duration.ofMillis(50));
      }
      switch (shape) {
        case DELAYED -> route.delay(Duration.ofMillis(200));
        case BATCH -> route.batchMode(true);
        case TRANSACTIONAL -> route.transactional(true);
        default -> { }
      }
    }));
    List<String> values = IntStream.range(0, MESSAGES).mapToObj(i -> i % 13 == 5 ? "poison-" + i
        : i % 7 == 3 ? "flaky-" + i : "m-" + i).toList();

    try (app; Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      app.start();
      gregor.deliverMessages(IntStream.range(0, MESSAGES).mapToObj(i -> PendingMessage.of(topic, values.get(i),
          Produce.key("k" + (i % 10)))).collect(Collectors.toList()));
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "matrix_" + topic, topic) == MESSAGES
          && covered(values, topic, Apps.read(gregor, dlt)));

      List<Message> dead = Apps.read(gregor, dlt);
      Set<String> performed = Recorded.performed(topic).stream().map(Params::rawString).collect(Collectors.toSet());
      Set<String> deadValues = dead.stream().map(Message::valueAsString).collect(Collectors.toSet());
      List<String> poison = values.stream().filter(v -> v.startsWith("poison")).toList();
      assertThat(performed).doesNotContainAnyElementsOf(poison);
      assertThat(deadValues).containsAll(poison);
      assertThat(dead).allSatisfy(letter -> assertThat(letter.header(DeadLetters.ORIGIN_TOPIC)).isEqualTo(topic));
      if (shape != Shape.BATCH) { // a failed batch goes together, so only one by one is the DLT exactly the poison
        assertThat(deadValues).containsExactlyInAnyOrderElementsOf(poison);
        assertThat(performed).containsAll(values.stream().filter(v -> !v.startsWith("poison")).toList());
      }
      if (ordering != Ordering.UNORDERED && failure == Failure.IN_PLACE && shape != Shape.BATCH) {
        assertKeyOrder(topic); // retried in place: each key's messages first ran in offset order
      }
    }
  }

  private static boolean covered(List<String> values, String topic, List<Message> dead) {
    Set<String> seen = new HashSet<>();
    Recorded.performed(topic).forEach(p -> seen.add(p.rawString()));
    dead.forEach(m -> seen.add(m.valueAsString()));
    return seen.containsAll(values);
  }

  private static void assertKeyOrder(String topic) {
    Map<String, List<Long>> firstRuns = new java.util.LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Params p : Recorded.performed(topic)) {
      if (seen.add(p.partition() + "@" + p.offset())) {
        firstRuns.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p.offset());
      }
    }
    assertThat(firstRuns).allSatisfy((key, offsets) -> assertThat(offsets).as("key " + key).isSorted());
  }
}
