package dev.gregor.client;

/** Receives notifications on its own thread; a slow or throwing listener never slows or breaks Kafka work. */
@FunctionalInterface
public interface NotificationListener {
  /** Receives one notification on the subscription's own thread; throwing is logged and counted. */
  void on(Notification notification) throws Exception;
}
