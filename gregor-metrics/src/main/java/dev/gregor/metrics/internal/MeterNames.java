package dev.gregor.metrics.internal;

/**
 * Every meter name Gregor's binder registers, in one place (docs/metrics.md lists them with their
 * tags). Event meters start with {@code gregor.}; kafka-clients' own metrics keep Micrometer's
 * {@code kafka.<group>.<name>} convention, so dashboards made for Micrometer's Kafka binder fit.
 */
public final class MeterNames {
  public static final String PRODUCE_MESSAGES = "gregor.producer.produce.messages";
  public static final String BUFFER_SIZE = "gregor.producer.buffer.size";
  public static final String BUFFER_FILL_RATIO = "gregor.producer.buffer.fill.ratio";
  public static final String BUFFER_OVERFLOWS = "gregor.producer.buffer.overflows";
  public static final String DELIVER_LATENCY = "gregor.producer.deliver.latency";
  public static final String DELIVER_MESSAGES = "gregor.producer.deliver.messages";
  public static final String DELIVER_ATTEMPTS = "gregor.producer.deliver.attempts";
  public static final String DELIVER_ERRORS = "gregor.producer.deliver.errors";
  public static final String ACK_MESSAGES = "gregor.producer.ack.messages";
  public static final String TOPIC_ERRORS = "gregor.producer.topic.errors";

  public static final String CONSUMER_MESSAGES = "gregor.consumer.messages";
  public static final String PROCESS_MESSAGE_LATENCY = "gregor.consumer.process.message.latency";
  public static final String PROCESS_MESSAGE_ERRORS = "gregor.consumer.process.message.errors";
  public static final String PROCESS_BATCH_LATENCY = "gregor.consumer.process.batch.latency";
  public static final String PROCESS_BATCH_ERRORS = "gregor.consumer.process.batch.errors";
  public static final String BATCH_SIZE = "gregor.consumer.batch.size";
  public static final String LAG = "gregor.consumer.lag";
  public static final String JOIN_GROUP = "gregor.consumer.join.group";
  public static final String SYNC_GROUP = "gregor.consumer.sync.group";
  public static final String LEAVE_GROUP = "gregor.consumer.leave.group";
  public static final String ASSIGNED_PARTITIONS = "gregor.consumer.assigned.partitions";
  public static final String SEEKS = "gregor.consumer.seeks";
  public static final String COMMIT_LATENCY = "gregor.consumer.commit.latency";
  public static final String COMMIT_OFFSETS = "gregor.consumer.commit.offsets";
  public static final String COMMIT_ERRORS = "gregor.consumer.commit.errors";
  public static final String PAUSE_DURATION = "gregor.consumer.pause.duration";

  public static final String API_CALLS = "gregor.api.calls";
  public static final String API_REQUEST_BYTES = "gregor.api.request.bytes";
  public static final String API_RESPONSE_BYTES = "gregor.api.response.bytes";
  public static final String API_LATENCY = "gregor.api.latency";

  public static final String NOTIFICATIONS_DROPPED = "gregor.notifications.dropped";

  /** Prefix of kafka-clients' own metrics. */
  public static final String KAFKA_PREFIX = "kafka.";

  private MeterNames() {}
}
