package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.consumer.Tally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The workers' baseline: {@code threads} plain {@code KafkaShareConsumer}s of one new share group, from the earliest record. */
final class RawShareConsuming {
  private static final Duration POLL = Duration.ofMillis(200);

  private RawShareConsuming() {}

  static void read(String bootstrap, String topic, int threads, Tally tally) throws Exception {
    String group = "bench-raw-share-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
          new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
          .all().get(30, TimeUnit.SECONDS);
    }
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread reader = new Thread(() -> {
        try (KafkaShareConsumer<byte[], byte[]> consumer = new KafkaShareConsumer<>(
            Map.of("bootstrap.servers", bootstrap, "group.id", group), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
          consumer.subscribe(List.of(topic));
          while (done.getCount() > 0) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
              boolean complete;
              synchronized (tally) {
                complete = tally.add(1);
              }
              if (complete) {
                done.countDown();
              }
            }
          }
        }
      }, "bench-raw-share-" + i);
      readers.add(reader);
      reader.start();
    }
    if (!done.await(3, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not every job arrived within 3 minutes");
    }
    for (Thread reader : readers) {
      reader.join(60_000);
    }
  }
}
