package dev.gregor.client.internal;

import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.PendingMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One delivery of a whole buffer: send it, keep what failed, complete the reports of what arrived. */
public final class BufferDelivery {
  private BufferDelivery() {}

  /** Delivers {@code buffer}; returns null when everything arrived, else the failure to report. */
  public static DeliveryFailed deliver(MessageBuffer buffer, BatchSender sender) {
    List<BufferedMessage> batch = buffer.snapshot();
    if (batch.isEmpty()) {
      return null;
    }
    BatchSender.Outcome outcome = sender.send(batch);
    buffer.removeAll(outcome.delivered().keySet());
    outcome.delivered().forEach((message, delivered) -> message.report().complete(delivered));
    return outcome.failed().isEmpty() ? null : failure(batch.size(), outcome.failed());
  }

  private static DeliveryFailed failure(int attempted, Map<BufferedMessage, Throwable> failed) {
    String causes = failed.entrySet().stream()
        .map(e -> "topic '" + e.getKey().message().topic() + "': " + e.getValue().getClass().getSimpleName() + ": "
            + e.getValue().getMessage())
        .distinct().limit(5).collect(Collectors.joining("; "));
    List<PendingMessage> messages = failed.keySet().stream().map(BufferedMessage::message).collect(Collectors.toList());
    return new DeliveryFailed("Failed to deliver " + failed.size() + " of " + attempted + " messages (" + causes
        + "); they stay in the buffer for the next delivery", messages, failed.values().iterator().next());
  }
}
