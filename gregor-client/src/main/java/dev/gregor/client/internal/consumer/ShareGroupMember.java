package dev.gregor.client.internal.consumer;

import dev.gregor.client.Config;
import dev.gregor.client.GregorException;
import dev.gregor.client.Message;
import dev.gregor.client.QueueHandler;
import dev.gregor.client.QueueSettings;
import dev.gregor.client.QueuedMessage;
import dev.gregor.client.internal.config.ClientProperties;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.events.Span;
import dev.gregor.client.internal.names.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The poll loop of a queue member on kafka-clients' {@link KafkaShareConsumer}, acknowledging each record explicitly. */
public final class ShareGroupMember implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShareGroupMember.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Config config;
  private final String groupId;
  private final QueueSettings settings;
  private final KafkaShareConsumer<byte[], byte[]> consumer;
  private final OwnerThread owner = new OwnerThread("QueueConsumer", "use one QueueConsumer per thread: members of one queue share "
      + "its messages, so more threads means more members");
  private final ConsumerEvents events;
  private volatile boolean stopRequested;
  private boolean closed;
  private final CountDownLatch closedLatch = new CountDownLatch(1);

  public ShareGroupMember(Config config, String groupId, QueueSettings settings, NotificationBus bus) {
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("groupId must not be blank");
    }
    this.config = config;
    this.groupId = groupId;
    this.settings = settings;
    this.events = new ConsumerEvents(bus, groupId);
    Map<String, Object> p = new HashMap<>(ClientProperties.common(config));
    p.put("group.id", groupId);
    p.put("share.acknowledgement.mode", "explicit");
    this.consumer = new KafkaShareConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  public void subscribe(List<String> topics) {
    topics.forEach(TopicNames::check);
    if (settings.startFromBeginning()) {
      startGroupAtEarliest();
    }
    consumer.subscribe(topics);
  }

  /** A share group's start position is a group config, not a client setting. */
  private void startGroupAtEarliest() {
    Map<String, Object> p = new HashMap<>(ClientProperties.common(config));
    try (Admin admin = Admin.create(p)) {
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, groupId), List.of(
          new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
          .all().get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new GregorException("Could not set queue '" + groupId + "' to start from the beginning: " + e.getMessage(), e);
    }
  }

  public void eachMessage(QueueHandler handler) {
    owner.check();
    try {
      while (!stopRequested) {
        Iterable<ConsumerRecord<byte[], byte[]>> records;
        try {
          records = consumer.poll(POLL);
        } catch (WakeupException woken) {
          break;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          consumer.acknowledge(record, handle(handler, record));
        }
        consumer.commitSync();
      }
    } finally {
      close();
    }
  }

  private AcknowledgeType handle(QueueHandler handler, ConsumerRecord<byte[], byte[]> record) {
    int deliveries = record.deliveryCount().map(Short::intValue).orElse(1);
    Message message = Messages.of(record);
    boolean instrumented = events.instrumentsMessages();
    Span span = instrumented ? events.processing(message, deliveries) : Span.NONE;
    try {
      handler.handle(new QueuedMessage(message, deliveries));
      span.stop();
      if (instrumented) {
        events.processed(message, -1, false);
      }
      return AcknowledgeType.ACCEPT;
    } catch (Exception e) {
      span.fail(e);
      if (instrumented) {
        events.processed(message, -1, true);
      }
      boolean last = deliveries >= settings.maxDeliveries();
      LOG.warn("Queue '{}': handler failed on {} (delivery {}); {}", groupId, message, deliveries,
          last ? "rejecting it" : "releasing it for redelivery", e);
      return last ? AcknowledgeType.REJECT : AcknowledgeType.RELEASE;
    }
  }

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
      consumer.close(config.connectTimeout());
    } finally {
      closedLatch.countDown();
    }
  }

  public boolean isClosed() {
    return closedLatch.getCount() == 0;
  }

  /** Closes a member that never ran here; stops a running one and waits up to {@code timeout} for its thread to close it. */
  public void closeFromAnyThread(Duration timeout) {
    if (!owner.isBound()) {
      close();
    } else if (!owner.isCurrent() && !isClosed()) {
      stop();
      try {
        if (!closedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn("Queue '{}' did not stop within {}; it closes when its handler returns", groupId, timeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      stop(); // from its own handler: the loop ends, and closes, once the handler returns
    }
  }
}
