package dev.gregor.client;

/**
 * A timed event begun with {@link Notifications#start}: listeners saw its {@code START}; they see
 * {@code STOP} or {@code EXCEPTION}, with the duration, when it ends.
 */
public interface TimedEvent {
  /** Adds a payload entry known only at the end, such as a count; returns this event. */
  TimedEvent with(String key, Object value);

  /** Ends the event as done. */
  void stop();

  /** Ends the event as failed; the payload gets the {@link EventKeys#EXCEPTION} key. */
  void fail(Throwable error);
}
