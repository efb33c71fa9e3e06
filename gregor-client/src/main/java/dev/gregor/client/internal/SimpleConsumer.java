package dev.gregor.client.internal;

import dev.gregor.client.Config;
import dev.gregor.client.Consume;
import dev.gregor.client.Message;
import dev.gregor.client.MessageHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * ruby-kafka's group-less {@code each_message}: reads every partition of one topic (or those
 * {@link Consume} names, from its offsets), in this thread, until the handler throws, the thread is interrupted or the client closes.
 */
public final class SimpleConsumer {
  private static final Duration POLL = Duration.ofMillis(200);

  private SimpleConsumer() {}

  public static void run(Config config, String topic, Consume options, MessageHandler handler, BooleanSupplier closed) {
    TopicNames.check(topic);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ConsumerProperties.groupless(config),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      List<TopicPartition> partitions = StartPositions.assign(consumer, topic, options);
      Map<TopicPartition, Long> ends = options.exitsAtEnd() ? new HashMap<>(consumer.endOffsets(partitions)) : Map.of();
      while (!closed.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
        if (options.exitsAtEnd() && reachedEnds(consumer, ends)) {
          return;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          Message message = Messages.of(record);
          HandlerCall.run(() -> handler.handle(message), message.topic(), message.partition(), message.offset());
        }
      }
    } catch (InterruptException e) {
      Thread.currentThread().interrupt(); // kafka-clients turns an interrupt into this; it means stop
    } finally {
      // An interrupted thread cannot close a consumer cleanly; close first, then keep the interrupt.
      boolean interrupted = Thread.interrupted();
      consumer.close(CloseOptions.timeout(Duration.ZERO)); // group-less: nothing to commit or leave
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean reachedEnds(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
    return ends.isEmpty();
  }
}
