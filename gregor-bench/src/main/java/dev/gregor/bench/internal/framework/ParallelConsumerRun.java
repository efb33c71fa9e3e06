package dev.gregor.bench.internal.framework;

import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One run of Confluent's parallel consumer, loaded by {@link ParallelConsumerReading} in a class loader
 * with kafka-clients 3.x: it may use only the JDK, parallel-consumer and kafka-clients, never the bench.
 */
public final class ParallelConsumerRun {
  private ParallelConsumerRun() {}

  /** Reads {@code topic} in {@code order} with {@code concurrency}, {@code workMillis} of blocking per record. */
  public static void run(String bootstrap, String topic, String order, int concurrency, long workMillis,
      IntConsumer counted, CountDownLatch done, long timeoutMillis) throws InterruptedException {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
        "group.id", "bench-pc-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    ParallelStreamProcessor<byte[], byte[]> processor = ParallelStreamProcessor.createEosStreamProcessor(
        ParallelConsumerOptions.<byte[], byte[]>builder().consumer(consumer)
            .ordering(ParallelConsumerOptions.ProcessingOrder.valueOf(order)).maxConcurrency(concurrency)
            .commitMode(ParallelConsumerOptions.CommitMode.PERIODIC_CONSUMER_ASYNCHRONOUS).build());
    try {
      processor.subscribe(List.of(topic));
      processor.poll(context -> {
        if (workMillis > 0) {
          try {
            Thread.sleep(workMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        counted.accept((int) context.size());
      });
      if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("parallel-consumer did not read every record within " + timeoutMillis + " ms");
      }
    } finally {
      processor.close();
    }
  }
}
