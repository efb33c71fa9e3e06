package dev.gregor.client.internal.producer;

import dev.gregor.client.Delivered;
import dev.gregor.client.PendingMessage;
import java.util.concurrent.CompletableFuture;

/** A message waiting in a producer's buffer, and the delivery report its caller holds. */
public record BufferedMessage(PendingMessage message, CompletableFuture<Delivered> report) {

  public static BufferedMessage of(PendingMessage message) {
    return new BufferedMessage(message, new CompletableFuture<>());
  }

  /** With a report that tells {@code listener} when it settles. */
  public static BufferedMessage of(PendingMessage message, SettlingReport.Listener listener) {
    return new BufferedMessage(message, new SettlingReport(message, listener));
  }
}
