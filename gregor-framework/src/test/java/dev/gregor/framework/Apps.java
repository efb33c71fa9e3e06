package dev.gregor.framework;

import dev.gregor.client.Gregor;
import dev.gregor.client.Offset;
import dev.gregor.client.Message;
import dev.gregor.embedded.EmbeddedKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/** Test shortcuts: an app on the shared embedded broker, and what a group committed. */
final class Apps {
  private Apps() {}

  static App.Builder on(EmbeddedKafka kafka, String name) {
    return App.builder().setup(config -> config.name(name).kafkaHosts(kafka.bootstrapServers())
        .offsetCommitInterval(java.time.Duration.ofMillis(200)));
  }

  static App build(EmbeddedKafka kafka, String name, Consumer<Routes.Builder> routes) {
    return on(kafka, name).routes(routes).build();
  }

  /** The sum of the committed offsets of {@code group} over all partitions. */
  static long committed(EmbeddedKafka kafka, String group) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
          .values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
  }

  /** The sum of the committed offsets of {@code group} over the partitions of {@code topic}. */
  static long committed(EmbeddedKafka kafka, String group, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
          .entrySet().stream().filter(e -> e.getKey().topic().equals(topic)).mapToLong(e -> e.getValue().offset()).sum();
    }
  }

  /** Every message in {@code topic}'s partitions, read from the beginning. */
  static List<Message> read(Gregor gregor, String topic) {
    List<Message> all = new ArrayList<>();
    for (int p = 0; p < gregor.partitionsFor(topic); p++) {
      long end = gregor.latestOffset(topic, p);
      long next = gregor.earliestOffset(topic, p);
      while (next < end) {
        var fetch = gregor.fetch(topic, p, Offset.at(next));
        all.addAll(fetch.messages());
        next = fetch.nextOffset();
      }
    }
    return all;
  }
}
