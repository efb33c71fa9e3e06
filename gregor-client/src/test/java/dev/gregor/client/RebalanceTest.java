package dev.gregor.client;

import static dev.gregor.client.GroupOffsets.committedTotal;
import static dev.gregor.client.GroupOffsets.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// ruby-kafka "Consumer Groups": members share partitions; a joining member takes some over.
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class RebalanceTest {

  /** One group member polling on its own thread, recording what it saw. */
  private static final class Member extends Thread {
    final GroupConsumer consumer;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final Set<String> processedTwice;
    final Set<String> processed;
    volatile Throwable failure;

    Member(Gregor gregor, String group, String topic, GroupProtocol protocol, Set<String> processed,
        Set<String> processedTwice) {
      this.consumer = gregor.consumer(group, c -> c.groupProtocol(protocol).stopOnShutdown(false));
      this.processed = processed;
      this.processedTwice = processedTwice;
      consumer.subscribe(topic);
    }

    @Override
    public void run() {
      try {
        while (true) {
          Event event = consumer.poll(Duration.ofMillis(200));
          if (event == null && stopped) {
            return;
          }
          if (event instanceof Message message) {
            String id = message.partition() + "@" + message.offset();
            if (!processed.add(id)) {
              processedTwice.add(id);
            }
          } else if (event != null) {
            events.add(event);
          }
        }
      } catch (Throwable t) {
        failure = t;
      }
    }

    volatile boolean stopped;

    void finish() throws InterruptedException {
      stopped = true;
      consumer.stop();
      join(30_000);
    }

    boolean assigned() {
      return events.stream().anyMatch(e -> e instanceof Event.PartitionsAssigned a && !a.partitions().isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(GroupProtocol.class)
  void aThirdMemberTakesOverPartitionsWithoutLosingOrRepeatingCommittedWork(GroupProtocol protocol, Gregor gregor,
      Admin admin, TestTopics topics) throws Exception {
    String topic = topics.create(6);
    String group = topic + "-group";
    Set<String> processed = ConcurrentHashMap.newKeySet();
    Set<String> processedTwice = ConcurrentHashMap.newKeySet();
    write(gregor, topic, 60);

    Member first = new Member(gregor, group, topic, protocol, processed, processedTwice);
    Member second = new Member(gregor, group, topic, protocol, processed, processedTwice);
    first.start();
    second.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> first.assigned() && second.assigned() && processed.size() == 60);
    write(gregor, topic, 60);

    Member third = new Member(gregor, group, topic, protocol, processed, processedTwice);
    third.start();
    await().atMost(Duration.ofSeconds(60)).until(third::assigned);
    write(gregor, topic, 60);
    await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() == 180);
    for (Member member : List.of(first, second, third)) {
      member.finish();
      assertThat(member.failure).isNull();
    }

    assertThat(processedTwice).isEmpty();
    assertThat(committedTotal(admin, group)).isEqualTo(180);
    List<Event> revoked = new ArrayList<>(first.events);
    revoked.addAll(second.events);
    assertThat(revoked).anySatisfy(e -> assertThat(e).isInstanceOf(Event.PartitionsRevoked.class));
  }
}
