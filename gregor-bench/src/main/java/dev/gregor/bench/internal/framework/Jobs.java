package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.Payloads;
import dev.gregor.client.Message;
import dev.gregor.framework.Interchanger;
import dev.gregor.framework.Params;
import dev.gregor.framework.Parser;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A jobs topic filled once with jobs in the documented format (binary interchanger, {@code gregor-job-route} header). */
final class Jobs {
  /** The route the jobs name; the workers' app routes it. */
  static final String ROUTE = "bench-job-route";
  static final int PARTITIONS = 8;

  private Jobs() {}

  static void fill(BenchContext ctx, String queue, int jobs) {
    ctx.topics().createIfAbsent(queue, PARTITIONS);
    long present = ctx.topics().endOffsetSum(queue);
    if (present == jobs) {
      return;
    }
    if (present != 0) {
      throw new IllegalStateException("topic '" + queue + "' holds " + present + " records, expected none or " + jobs);
    }
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", ctx.bootstrap());
    config.put("linger.ms", "20");
    byte[][] values = Payloads.values(100, 1024);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < jobs; i++) {
        Message message = new Message(ROUTE, i % PARTITIONS, i, Instant.now(), null, values[i & 1023], List.of());
        byte[] job = Interchanger.binary().encode(List.of(Params.parse(ROUTE, message, Parser.raw())));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(queue, i % PARTITIONS, null, job);
        record.headers().add("gregor-job-route", ROUTE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer.send(record);
      }
      producer.flush();
    }
  }
}
