package dev.gregor.client.internal;

import dev.gregor.client.Batch;
import dev.gregor.client.BatchHandler;
import dev.gregor.client.Config;
import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.GroupProtocol;
import dev.gregor.client.Message;
import dev.gregor.client.MessageHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The poll loop of a group consumer, run on the caller's thread: handlers run between polls,
 * offsets are committed only for marked messages, and a rebalance commits before giving up
 * partitions.
 */
public final class GroupConsumer implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final ConsumerSettings settings;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final OffsetTracker offsets;
  private final OwnerThread owner = new OwnerThread("Consumer");
  private volatile boolean stopRequested;
  private boolean closed;

  public GroupConsumer(Config config, String groupId, ConsumerSettings settings, boolean startFromBeginning) {
    this.settings = settings;
    this.offsets = new OffsetTracker(settings);
    Map<String, Object> p = ConsumerProperties.groupless(config);
    p.put("group.id", groupId);
    p.put("group.protocol", settings.groupProtocol().kafkaValue());
    p.put("auto.offset.reset", startFromBeginning ? "earliest" : "latest");
    p.put("fetch.min.bytes", Integer.toString(settings.minBytes()));
    p.put("fetch.max.wait.ms", Long.toString(settings.maxWaitTime().toMillis()));
    if (settings.groupProtocol() == GroupProtocol.CLASSIC) {
      p.put("session.timeout.ms", Long.toString(settings.sessionTimeout().toMillis()));
    }
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  public void subscribe(List<String> topics) {
    topics.forEach(TopicNames::check);
    consumer.subscribe(topics, new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        commit(offsets.uncommitted(partitions)); // what was processed is kept before another member takes over
        offsets.forget(partitions);
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Positions come from the group's committed offsets, or auto.offset.reset for new partitions.
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        offsets.forget(partitions); // another member may already own them; committing would be wrong
      }
    });
  }

  public void eachMessage(MessageHandler handler) {
    run(records -> {
      for (TopicPartition tp : records.partitions()) {
        // Marks once per partition run, not per message, including the run a failure cuts short.
        long next = -1;
        int processed = 0;
        try {
          for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
            Message message = Messages.of(record);
            HandlerCall.run(() -> handler.handle(message), message.topic(), message.partition(), message.offset());
            next = message.offset() + 1;
            processed++;
            if (stopRequested) {
              return;
            }
          }
        } finally {
          if (processed > 0 && settings.automaticallyMarkAsProcessed()) {
            offsets.mark(tp, next, processed);
          }
        }
      }
    });
  }

  public void eachBatch(BatchHandler handler) {
    run(records -> {
      for (TopicPartition tp : records.partitions()) {
        List<Message> messages = new ArrayList<>();
        records.records(tp).forEach(record -> messages.add(Messages.of(record)));
        OptionalLong lag = consumer.currentLag(tp);
        long last = messages.get(messages.size() - 1).offset();
        Batch batch = new Batch(tp.topic(), tp.partition(), List.copyOf(messages), last + 1 + (lag.isPresent() ? lag.getAsLong() : 0));
        HandlerCall.run(() -> handler.handle(batch), tp.topic(), tp.partition(), batch.firstOffset());
        if (settings.automaticallyMarkAsProcessed()) {
          offsets.mark(messages.get(messages.size() - 1));
        }
        if (stopRequested) {
          return;
        }
      }
    });
  }

  private interface RecordsHandler {
    void handle(ConsumerRecords<byte[], byte[]> records);
  }

  private void run(RecordsHandler handler) {
    owner.check(); // the polling thread owns the consumer from here on
    try {
      while (!stopRequested) {
        ConsumerRecords<byte[], byte[]> records;
        try {
          records = consumer.poll(POLL);
        } catch (WakeupException woken) {
          break; // stop() from another thread
        }
        handler.handle(records);
        if (offsets.commitDue()) {
          commit(offsets.uncommitted(null));
        }
      }
    } finally {
      close();
    }
  }

  public void mark(Message message) {
    owner.check();
    offsets.mark(message);
  }

  /** Commits every marked offset now and waits for the cluster to acknowledge it. */
  public void commitOffsets() {
    owner.check();
    commit(offsets.uncommitted(null));
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> uncommitted) {
    if (!uncommitted.isEmpty()) {
      consumer.commitSync(uncommitted);
    }
    offsets.committed(uncommitted);
  }

  /** Asks the loop to finish the current message or batch, commit and leave the group; any thread may call it. */
  public void stop() {
    stopRequested = true;
    consumer.wakeup();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    owner.check();
    closed = true;
    try {
      commit(offsets.uncommitted(null));
    } catch (RuntimeException e) {
      // Closing still leaves the group; the uncommitted tail is redelivered, never lost.
    } finally {
      consumer.close();
    }
  }
}
