package dev.gregor.client.internal.consumer;

import dev.gregor.client.Config;
import dev.gregor.client.Consume;
import dev.gregor.client.Message;
import dev.gregor.client.MessageHandler;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.events.Span;
import dev.gregor.client.internal.names.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * ruby-kafka's group-less {@code each_message}: reads every partition of one topic (or those
 * {@link Consume} names, from its offsets), in this thread, until the handler throws, the thread
 * is interrupted or the client closes. It sends the group consumer's
 * {@code process_message.consumer} notifications, without {@code group_id}.
 */
public final class SimpleConsumer {
  private static final Duration POLL = Duration.ofMillis(200);

  private SimpleConsumer() {}

  public static void run(Config config, String topic, Consume options, MessageHandler handler, BooleanSupplier closed,
      NotificationBus bus) {
    TopicNames.check(topic);
    Map<String, Object> properties = ConsumerProperties.groupless(config);
    if (options.readsCommitted()) {
      properties.put("isolation.level", "read_committed");
    }
    ConsumerEvents events = new ConsumerEvents(bus, null);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    try {
      List<TopicPartition> partitions = StartPositions.assign(consumer, topic, options);
      Map<TopicPartition, Long> ends = options.exitsAtEnd() ? new HashMap<>(consumer.endOffsets(partitions)) : Map.of();
      while (!closed.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
        if (options.exitsAtEnd() && reachedEnds(consumer, ends)) {
          return;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (TopicPartition tp : records.partitions()) {
          boolean instrumented = events.instrumentsMessages();
          long highWatermark = instrumented ? consumer.position(tp) + consumer.currentLag(tp).orElse(0) : 0;
          for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
            handle(handler, Messages.of(record), instrumented ? events : null, highWatermark);
          }
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

  /** Runs the handler, inside a {@code process_message.consumer} span when {@code events} is given. */
  private static void handle(MessageHandler handler, Message message, ConsumerEvents events, long highWatermark) {
    Span span = events == null ? Span.NONE : events.processing(message, highWatermark);
    Exception failure = HandlerCall.attempt(() -> handler.handle(message));
    if (events != null) {
      events.processed(message, ConsumerEvents.lag(message, highWatermark), failure != null);
    }
    if (failure == null) {
      span.stop();
      return;
    }
    span.fail(failure);
    throw HandlerCall.failed(failure, null, message.topic(), message.partition(), message.offset(), message.offset());
  }

  private static boolean reachedEnds(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
    return ends.isEmpty();
  }
}
