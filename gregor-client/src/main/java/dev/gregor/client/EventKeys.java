package dev.gregor.client;

/**
 * The payload keys of Gregor's notifications, ruby-kafka's names: {@code n.get(EventKeys.TOPIC)}.
 * Which event carries which key is listed by {@link EventKind#payloadKeys()}.
 */
public final class EventKeys {
  /** Every payload: the client's id. */
  public static final String CLIENT_ID = "client_id";
  /** Payloads of group and queue events: the group's id. */
  public static final String GROUP_ID = "group_id";
  /** The topic of a message, partition or request. */
  public static final String TOPIC = "topic";
  /** The partition number. */
  public static final String PARTITION = "partition";
  /** A message's offset, or a seek's target. */
  public static final String OFFSET = "offset";
  /** A message's value as text (UTF-8). */
  public static final String VALUE = "value";
  /** A message's key as text (UTF-8), or null. */
  public static final String KEY = "key";
  /** Messages in a producer's buffer. */
  public static final String BUFFER_SIZE = "buffer_size";
  /** The buffer's limit, {@code maxBufferSize}. */
  public static final String MAX_BUFFER_SIZE = "max_buffer_size";
  /** Messages a delivery, batch, fetch or transaction holds. */
  public static final String MESSAGE_COUNT = "message_count";
  /** Messages a delivery got acknowledged. */
  public static final String DELIVERED_MESSAGE_COUNT = "delivered_message_count";
  /** Attempts a delivery took. */
  public static final String ATTEMPTS = "attempts";
  /** A failed operation's exception, as {@code class: message}. */
  public static final String EXCEPTION = "exception";
  /** A transactional producer's id. */
  public static final String TRANSACTIONAL_ID = "transactional_id";
  /** Messages between the processed one and the partition's end. */
  public static final String OFFSET_LAG = "offset_lag";
  /** The partition's end offset as of the last fetch. */
  public static final String HIGHWATER_MARK_OFFSET = "highwater_mark_offset";
  /** An assignment: topic to partition numbers. */
  public static final String TOPIC_PARTITIONS = "topic_partitions";
  /** Offsets a commit stored. */
  public static final String OFFSET_COUNT = "offset_count";
  /** Seconds a partition has been paused. */
  public static final String DURATION = "duration";
  /** How many times a queue message was delivered (share groups). */
  public static final String DELIVERY_COUNT = "delivery_count";
  /** Request statistics: the API, always {@code all} (kafka-clients does not count per API). */
  public static final String API = "api";
  /** Request statistics: the broker's id. */
  public static final String BROKER = "broker";
  /** Request statistics: requests sent since the last report. */
  public static final String REQUEST_COUNT = "request_count";
  /** Request statistics: bytes sent. */
  public static final String REQUEST_SIZE = "request_size";
  /** Request statistics: bytes received. */
  public static final String RESPONSE_SIZE = "response_size";
  /** Request statistics: average request latency in milliseconds. */
  public static final String LATENCY_AVG_MS = "latency_avg_ms";
  /** Connections opened or closed since the last report. */
  public static final String CONNECTION_COUNT = "connection_count";
  /** SASL logins that succeeded since the last report. */
  public static final String SUCCEEDED = "succeeded";
  /** SASL logins that failed since the last report. */
  public static final String FAILED = "failed";

  private EventKeys() {}
}
