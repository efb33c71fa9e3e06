package dev.gregor.client;

import static dev.gregor.client.EventKeys.*;

import java.util.List;
import java.util.Optional;

/**
 * The client's instrumentation events, ruby-kafka's names and payloads with KafkaEx-style
 * categories: subscribe with {@code kafka.notifications().subscribe(ClientEvent.ACK_MESSAGE, n -> ...)}.
 */
public enum ClientEvent implements EventKind {
  /** A message entered a producer buffer (or a transaction). */
  PRODUCE_MESSAGE("produce_message.producer", "produce", false, VALUE, KEY, TOPIC, BUFFER_SIZE, MAX_BUFFER_SIZE, TRANSACTIONAL_ID),
  /** A delivery of a producer's buffer ended. */
  DELIVER_MESSAGES("deliver_messages.producer", "produce", true, ATTEMPTS, MESSAGE_COUNT, DELIVERED_MESSAGE_COUNT, EXCEPTION),
  /** Kafka acknowledged a message. */
  ACK_MESSAGE("ack_message.producer", "produce", false, VALUE, KEY, TOPIC, PARTITION, OFFSET),
  /** A message did not fit a producer buffer. */
  BUFFER_OVERFLOW("buffer_overflow.producer", "produce", false, TOPIC, BUFFER_SIZE, MAX_BUFFER_SIZE),
  /** Messages for a topic failed. */
  TOPIC_ERROR("topic_error.producer", "produce", false, TOPIC, EXCEPTION),
  /** A transaction began, then committed (stop) or aborted (exception). */
  TRANSACTION("transaction.producer", "produce", true, TRANSACTIONAL_ID, MESSAGE_COUNT, EXCEPTION),
  /** A handler call ended; queues give {@code delivery_count} instead of {@code offset_lag}. */
  PROCESS_MESSAGE("process_message.consumer", "consumer", true, VALUE, KEY, TOPIC, PARTITION, OFFSET, OFFSET_LAG,
      DELIVERY_COUNT, EXCEPTION),
  /** A handler call is about to start: the start of {@link #PROCESS_MESSAGE}, under ruby-kafka's own name. */
  START_PROCESS_MESSAGE("start_process_message.consumer", "consumer", false, VALUE, KEY, TOPIC, PARTITION, OFFSET,
      OFFSET_LAG, DELIVERY_COUNT),
  /** A batch handler call ended. */
  PROCESS_BATCH("process_batch.consumer", "consumer", true, MESSAGE_COUNT, TOPIC, PARTITION, HIGHWATER_MARK_OFFSET,
      OFFSET_LAG, EXCEPTION),
  /** A batch handler call is about to start: the start of {@link #PROCESS_BATCH}, under ruby-kafka's own name. */
  START_PROCESS_BATCH("start_process_batch.consumer", "consumer", false, MESSAGE_COUNT, TOPIC, PARTITION,
      HIGHWATER_MARK_OFFSET, OFFSET_LAG),
  /** An assignment arrived (kafka-clients reports join and sync only as the finished assignment). */
  JOIN_GROUP("join_group.consumer", "consumer", false),
  /** An assignment arrived, with its partitions. */
  SYNC_GROUP("sync_group.consumer", "consumer", false, TOPIC_PARTITIONS),
  /** The member left its group. */
  LEAVE_GROUP("leave_group.consumer", "consumer", true, EXCEPTION),
  /** Heartbeats completed since the last poll. */
  HEARTBEAT("heartbeat.consumer", "consumer", false, TOPIC_PARTITIONS),
  /** A partition is still paused (each poll). */
  PAUSE_STATUS("pause_status.consumer", "consumer", false, TOPIC, PARTITION, DURATION),
  /** {@code seek} moved a partition's position. */
  SEEK("seek.consumer", "offset", false, TOPIC, PARTITION, OFFSET),
  /** Offsets were committed. */
  COMMIT_OFFSETS("commit_offsets.consumer", "offset", true, OFFSET_COUNT, EXCEPTION),
  /** A group-less {@code fetch} ended. */
  FETCH_MESSAGES("fetch_messages.connection", "fetch", true, TOPIC, PARTITION, OFFSET, MESSAGE_COUNT,
      HIGHWATER_MARK_OFFSET, EXCEPTION),
  /** Topic or cluster metadata was read. */
  METADATA("metadata.connection", "metadata", true, TOPIC, EXCEPTION),
  /** Requests went to a broker (derived from kafka-clients' per-broker counters, at most once a second). */
  REQUEST("request.connection", "request", false, API, BROKER, REQUEST_COUNT, REQUEST_SIZE, RESPONSE_SIZE, LATENCY_AVG_MS),
  /** Connections were opened (derived, at most once a second). */
  CONNECT("connect.connection", "connection", false, CONNECTION_COUNT),
  /** Connections were closed (derived, at most once a second). */
  DISCONNECT("disconnect.connection", "connection", false, CONNECTION_COUNT),
  /** SASL logins happened (derived, at most once a second). */
  AUTHENTICATE("authenticate.sasl", "sasl_auth", false, SUCCEEDED, FAILED);

  private final String eventName;
  private final String category;
  private final boolean timed;
  private final List<String> payloadKeys;

  ClientEvent(String eventName, String category, boolean timed, String... payloadKeys) {
    this.eventName = eventName;
    this.category = category;
    this.timed = timed;
    this.payloadKeys = List.of(payloadKeys);
  }

  @Override
  public String eventName() {
    return eventName;
  }

  @Override
  public String category() {
    return category;
  }

  @Override
  public boolean timed() {
    return timed;
  }

  @Override
  public List<String> payloadKeys() {
    return payloadKeys;
  }

  /** The client event named {@code eventName}, if it is one. */
  public static Optional<ClientEvent> named(String eventName) {
    for (ClientEvent kind : values()) {
      if (kind.eventName.equals(eventName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
