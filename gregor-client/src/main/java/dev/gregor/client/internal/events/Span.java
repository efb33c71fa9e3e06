package dev.gregor.client.internal.events;

import dev.gregor.client.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** A timed operation between its start and its stop or exception notification. */
public class Span implements dev.gregor.client.TimedEvent {
  /** The span of an operation nobody listens to: does nothing. */
  public static final Span NONE = new Span(null, null, null);

  private final NotificationBus bus;
  private final String name;
  /** The start event's payload until a key is added: then this span's own copy, so listeners never see it change. */
  private Map<String, Object> payload;
  private boolean shared = true;
  private final long startNanos = System.nanoTime();

  Span(NotificationBus bus, String name, Map<String, Object> payload) {
    this.bus = bus;
    this.name = name;
    this.payload = payload;
  }

  /** Adds a payload entry known only at the end (e.g. {@code delivered_message_count}). */
  @Override
  public Span with(String key, Object value) {
    if (payload != null) {
      own().put(key, value);
    }
    return this;
  }

  private Map<String, Object> own() {
    if (shared) {
      payload = payload instanceof Payload lazy ? lazy.copy() : new HashMap<>(payload);
      shared = false;
    }
    return payload;
  }

  /** Runs {@code operation} inside this span: stops it when the operation returns, fails it when it throws. */
  public <T> T around(Supplier<T> operation) {
    return around(operation, (span, result) -> { });
  }

  /**
   * {@link #around(Supplier)} where {@code details} adds what only the result tells (a count, an
   * offset) to the stop event's payload.
   */
  public <T> T around(Supplier<T> operation, BiConsumer<Span, T> details) {
    T result;
    try {
      result = operation.get();
    } catch (RuntimeException | Error e) {
      fail(e);
      throw e;
    }
    details.accept(this, result);
    stop();
    return result;
  }

  @Override
  public void stop() {
    end(null);
  }

  /** Ends the span as failed; the payload gets ruby-kafka's {@code exception} key. */
  @Override
  public void fail(Throwable error) {
    if (payload != null) {
      own().put(dev.gregor.client.EventKeys.EXCEPTION, error.getClass().getName() + ": " + error.getMessage());
    }
    end(error);
  }

  private void end(Throwable error) {
    if (bus == null) {
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    bus.send(new Notification(name, error == null ? Notification.Phase.STOP : Notification.Phase.EXCEPTION,
        Instant.now(), took, error, java.util.Collections.unmodifiableMap(payload)));
  }
}
