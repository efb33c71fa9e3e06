package dev.gregor.client;

import java.util.List;

/**
 * A kind of instrumentation event: its name on the notifications bus, its KafkaEx-style
 * category, whether it is timed, and its payload keys. The client's kinds are {@link ClientEvent};
 * other modules (the framework) define their own enums implementing this, on the same bus.
 */
public interface EventKind {
  /** The name listeners subscribe to and see in {@link Notification#name()}, e.g. {@code deliver_messages.producer}. */
  String eventName();

  /** The KafkaEx-style category used in span names, e.g. {@code produce} in {@code gregor.produce.stop}. */
  String category();

  /**
   * Whether the event is a timed span: {@code START}, then {@code STOP} or {@code EXCEPTION};
   * otherwise one {@code EVENT}. Plain subscribers see a span's start as ruby-kafka does, as an
   * event named {@code start_} plus the name.
   */
  boolean timed();

  /** The payload keys ({@link EventKeys}) besides {@code client_id} and, for groups and queues, {@code group_id}. */
  List<String> payloadKeys();
}
