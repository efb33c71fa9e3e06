package dev.gregor.bench.internal.memory;

import dev.gregor.bench.internal.run.BenchContext;
import dev.gregor.bench.internal.run.FreshJvm;
import dev.gregor.bench.internal.run.Metric;
import dev.gregor.bench.internal.run.ProcessMemory;
import dev.gregor.bench.internal.run.Scenario;
import dev.gregor.bench.internal.run.Trial;
import dev.gregor.bench.internal.run.Unit;
import dev.gregor.client.BufferOverflow;
import dev.gregor.client.Config;
import dev.gregor.client.Gregor;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.ProcessMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The check that buffers are bounded by their settings: in a JVM with a 256 MB heap, a producer
 * with a 32 MB buffer keeps producing 1 KB records after its broker was killed (SIGKILL, so the
 * client still knows the partition's leader, as after a crash). Gregor's
 * {@code Producer} must end in {@link BufferOverflow}, raw kafka-clients with {@code buffer.memory} 32 MB in
 * {@link BufferExhaustedException}; neither may run out of memory. Anything else fails the row.
 */
final class BoundedBuffer {
  static final int LIMIT_BYTES = 32 * 1024 * 1024;
  private static final int RECORD_BYTES = 1024;

  private BoundedBuffer() {}

  static Scenario scenario(BenchContext ctx) {
    List<Metric> metrics = List.of(new Metric("accepted before refusing", Unit.MEGABYTES_NEUTRAL),
        new Metric("heap growth", Unit.MEGABYTES));
    return new Scenario("memory", "Producer 32 MB buffer, broker down, until BufferOverflow (-Xmx256m)",
        "raw KafkaProducer buffer.memory=32MB until BufferExhausted", metrics, null, side(ctx, "gregor"),
        side(ctx, "baseline"), 1);
  }

  private static Trial side(BenchContext ctx, String side) {
    return () -> {
      Map<String, Double> answer = FreshJvm.run(List.of("-Xmx256m"), Main.class, List.of(side), ctx.workDir().resolve("bounded-buffer.log"), 300);
      return Map.of("accepted before refusing", answer.get("acceptedMb"), "heap growth", answer.get("heapGrowthMb"));
    };
  }

  /** Runs one side in its own JVM, with its own broker in a child JVM, which it kills as a crash would. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
      try (EmbeddedKafka broker = EmbeddedKafka.builder().mode(ProcessMode.CHILD_JVM).start()) {
        broker.createTopic("bounded", 1, 1);
        double heapBefore = ProcessMemory.heapAfterGcMb();
        Map<String, Double> values = args[0].equals("gregor") ? gregor(broker, heapBefore) : raw(broker, heapBefore);
        FreshJvm.answer(values);
      }
      System.exit(0);
    }

    private static Map<String, Double> gregor(EmbeddedKafka broker, double heapBefore) {
      try (Gregor kafka = Gregor.connect(Config.builder().seedBrokers(broker.bootstrapServers())
          .connectTimeout(Duration.ofSeconds(2)).deliveryTimeout(Duration.ofSeconds(2)).build());
          Producer producer = kafka.producer(p -> p.maxBufferSize(Integer.MAX_VALUE).maxBufferBytesize(LIMIT_BYTES))) {
        producer.produce("bounded", new byte[RECORD_BYTES], Produce.options());
        producer.deliverMessages(); // connected and metadata known, as in an application that ran a while
        broker.kill(1);
        try {
          for (long i = 0; i < 4L * LIMIT_BYTES / RECORD_BYTES; i++) {
            producer.produce("bounded", new byte[RECORD_BYTES], Produce.options());
          }
          throw new IllegalStateException("the buffer took four times its limit without BufferOverflow");
        } catch (BufferOverflow expected) {
          long held = producer.bufferBytesize();
          if (held > LIMIT_BYTES) {
            throw new IllegalStateException("the buffer held " + held + " bytes, over its limit of " + LIMIT_BYTES);
          }
          return answer(held, heapBefore);
        }
      }
    }

    private static Map<String, Double> raw(EmbeddedKafka broker, double heapBefore) throws Exception {
      Map<String, Object> config = new HashMap<>();
      config.put("bootstrap.servers", broker.bootstrapServers());
      config.put("buffer.memory", Integer.toString(LIMIT_BYTES));
      config.put("max.block.ms", "2000");
      // With 4.x's default (rebootstrap) a client that lost every broker forgets the topic, and each
      // send waits max.block.ms for metadata and fails without buffering; keep metadata so the buffer fills.
      config.put("metadata.recovery.strategy", "none");
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>("bounded", new byte[RECORD_BYTES])).get();
        broker.kill(1);
        long accepted = 0;
        try {
          for (long i = 0; i < 4L * LIMIT_BYTES / RECORD_BYTES; i++) {
            // kafka-clients 4.x reports a full buffer through the returned future, not by throwing.
            Future<RecordMetadata> sent = producer.send(new ProducerRecord<>("bounded", new byte[RECORD_BYTES]));
            if (sent.isDone()) {
              try {
                sent.get();
              } catch (ExecutionException refused) {
                if (refused.getCause() instanceof BufferExhaustedException) {
                  return answer(accepted, heapBefore);
                }
                throw new IllegalStateException("send refused with " + refused.getCause(), refused.getCause());
              }
            }
            accepted += RECORD_BYTES;
          }
          throw new IllegalStateException("the producer took four times buffer.memory without BufferExhaustedException");
        } finally {
          producer.close(Duration.ZERO);
        }
      }
    }

    /** Measured while the producer still holds what it accepted. */
    private static Map<String, Double> answer(long acceptedBytes, double heapBefore) {
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("acceptedMb", acceptedBytes / (1024.0 * 1024));
      values.put("heapGrowthMb", ProcessMemory.heapAfterGcMb() - heapBefore);
      return values;
    }
  }
}
