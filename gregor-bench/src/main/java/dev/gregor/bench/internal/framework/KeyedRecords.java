package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Payloads;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A topic of 100 B records with keys {@code k0..k<keys-1>} round robin, filled once and reused by every run. */
final class KeyedRecords {
  private KeyedRecords() {}

  static String topic(int records, int keys, int partitions) {
    return "bench-keyed-" + records + "x100B-" + keys + "keys-" + partitions + "p";
  }

  static void fill(BenchContext ctx, String topic, int partitions, int records, int keys) {
    ctx.topics().createIfAbsent(topic, partitions);
    long present = ctx.topics().endOffsetSum(topic);
    if (present == records) {
      return;
    }
    if (present != 0) {
      throw new IllegalStateException("topic '" + topic + "' holds " + present + " records, expected none or " + records);
    }
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", ctx.bootstrap());
    config.put("linger.ms", "20");
    config.put("batch.size", Integer.toString(256 * 1024));
    byte[][] values = Payloads.values(100, 1024);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, ("k" + (i % keys)).getBytes(StandardCharsets.UTF_8), values[i & 1023]));
      }
      producer.flush();
    }
  }
}
