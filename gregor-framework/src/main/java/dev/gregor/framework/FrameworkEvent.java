package dev.gregor.framework;

import dev.gregor.client.EventKeys;
import dev.gregor.client.EventKind;
import java.util.List;

/**
 * The framework's events on its client's notifications bus, next to the client's own: spans
 * (start and stop, or exception) for work, one-off events for the rest, and one {@link #ERROR}
 * with the {@link #ORIGIN} of the failure. Subscribe with {@code app.client().notifications()}.
 */
public enum FrameworkEvent implements EventKind {
  /** Messages of one partition went through a route that is not inline: callbacks, then enqueued for a worker. */
  CONSUME("consume.framework", true, EventKeys.GROUP_ID, EventKeys.TOPIC, EventKeys.PARTITION, EventKeys.MESSAGE_COUNT),
  /** A controller performed a message or a batch, in the server process. */
  PERFORM("perform.framework", true, EventKeys.GROUP_ID, EventKeys.TOPIC, EventKeys.PARTITION, EventKeys.OFFSET,
      EventKeys.MESSAGE_COUNT),
  /** A responder's messages were validated and delivered. */
  RESPOND("respond.framework", true, EventKeys.TOPIC, FrameworkEvent.RESPONDER, EventKeys.MESSAGE_COUNT),
  /** A message or batch was handed to a worker. */
  ENQUEUE("enqueue.framework", false, EventKeys.TOPIC, EventKeys.PARTITION, EventKeys.OFFSET, FrameworkEvent.QUEUE),
  /** A worker performed a job. */
  WORKER_PERFORM("worker_perform.framework", true, EventKeys.TOPIC, FrameworkEvent.QUEUE, EventKeys.ATTEMPTS),
  /** Partitions were taken away in a rebalance; their finished work was committed first. */
  REVOKE("revoke.framework", false, EventKeys.GROUP_ID, EventKeys.TOPIC_PARTITIONS),
  /**
   * A message has run longer than the app's {@code stallTimeout}; reported once per message, with {@link #THREAD}.
   * {@link App#stalls()} lists the messages stalled now.
   */
  STALL("stall.framework", false, EventKeys.GROUP_ID, EventKeys.TOPIC, EventKeys.PARTITION, EventKeys.OFFSET,
      EventKeys.KEY, FrameworkEvent.THREAD, FrameworkEvent.RUNNING_MS),
  /** A message the error policy gave up on was written to its route's dead-letter topic. */
  DEAD_LETTER("dead_letter.framework", false, EventKeys.GROUP_ID, EventKeys.TOPIC, EventKeys.PARTITION,
      EventKeys.OFFSET, FrameworkEvent.DEAD_LETTER_TOPIC, EventKeys.ATTEMPTS, EventKeys.EXCEPTION),
  /**
   * A failed message was written to the route's next retry topic ({@link #DEAD_LETTER_TOPIC} names it) to run
   * again later; {@link EventKeys#ATTEMPTS} counts the attempts so far.
   */
  RETRY("retry.framework", false, EventKeys.GROUP_ID, EventKeys.TOPIC, EventKeys.PARTITION, EventKeys.OFFSET,
      FrameworkEvent.DEAD_LETTER_TOPIC, EventKeys.ATTEMPTS, EventKeys.EXCEPTION),
  /** The app stopped: work finished or handed back, offsets committed, groups left. */
  SHUTDOWN("shutdown.framework", true, FrameworkEvent.APP),
  /** Something failed; {@link #ORIGIN} says where (parser, controller, responder, worker, listener). */
  ERROR("error.framework", false, FrameworkEvent.ORIGIN, EventKeys.TOPIC, EventKeys.PARTITION, EventKeys.OFFSET,
      EventKeys.EXCEPTION);

  /** Payload key: where an {@link #ERROR} came from. */
  public static final String ORIGIN = "origin";
  /** Payload key: the responder class. */
  public static final String RESPONDER = "responder";
  /** Payload key: the jobs topic. */
  public static final String QUEUE = "queue";
  /** Payload key: the name of the thread a {@link #STALL}ed message runs on. */
  public static final String THREAD = "thread";
  /** Payload key: how long a {@link #STALL}ed message had been running, in milliseconds. */
  public static final String RUNNING_MS = "running_ms";
  /** Payload key: the dead-letter (or, for {@link #RETRY}, retry) topic, as Kafka names it, a message went to. */
  public static final String DEAD_LETTER_TOPIC = "dead_letter_topic";
  /** Payload key: the app name. */
  public static final String APP = "app";

  private final String eventName;
  private final boolean timed;
  private final List<String> payloadKeys;

  FrameworkEvent(String eventName, boolean timed, String... payloadKeys) {
    this.eventName = eventName;
    this.timed = timed;
    this.payloadKeys = List.of(payloadKeys);
  }

  @Override
  public String eventName() {
    return eventName;
  }

  @Override
  public String category() {
    return "framework";
  }

  @Override
  public boolean timed() {
    return timed;
  }

  @Override
  public List<String> payloadKeys() {
    return payloadKeys;
  }
}
