package dev.gregor.client;

/** One listener's subscription; close it to stop receiving. */
public interface NotificationSubscription extends AutoCloseable {
  /** Notifications dropped because the listener fell more than its queue behind. */
  long dropped();

  /** Notifications the listener threw on (each is logged). */
  long failed();

  /** Stops delivery; notifications already queued are discarded. */
  @Override
  void close();
}
