package dev.gregor.client.internal.producer;

import dev.gregor.client.EventKeys;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.internal.events.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** One delivery of a whole buffer: send it, keep what failed, complete the reports of what arrived. */
public final class BufferDelivery {
  private static final int CAUSES_IN_MESSAGE = 5;

  private BufferDelivery() {}

  /** Delivers {@code buffer} and waits for it; returns null when everything arrived, else the failure to report. */
  public static DeliveryFailed deliver(MessageBuffer buffer, BatchSender sender) {
    List<BufferedMessage> batch = buffer.snapshot();
    if (batch.isEmpty()) {
      return null;
    }
    ProducerEvents events = buffer.events();
    Span span = events.delivering(batch.size());
    BatchSender.Outcome outcome;
    try {
      outcome = sender.send(batch);
    } catch (RuntimeException e) {
      span.with(EventKeys.DELIVERED_MESSAGE_COUNT, 0).fail(e);
      throw e;
    }
    return settle(outcome, span, events, sender, kept -> {
      if (kept.isEmpty()) {
        buffer.clear();
      } else {
        buffer.retainOnly(kept);
      }
    });
  }

  /**
   * Reports how a delivery went: hands the messages that failed to {@code keep} (before any report
   * completes, so a report's callback sees the buffer as it will be), completes the reports of
   * the others, and ends {@code span}. Returns null when everything arrived, else the failure.
   */
  public static DeliveryFailed settle(BatchSender.Outcome outcome, Span span, ProducerEvents events, BatchSender sender,
      Consumer<List<BufferedMessage>> keep) {
    List<BufferedMessage> batch = outcome.batch();
    if (outcome.allDelivered()) {
      keep.accept(List.of());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).report().complete(outcome.delivered()[i]);
        events.acked(batch.get(i).message(), outcome.delivered()[i]);
      }
      span.with(EventKeys.DELIVERED_MESSAGE_COUNT, batch.size()).stop();
      events.requests(sender);
      return null;
    }
    List<BufferedMessage> kept = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (outcome.failures()[i] != null) {
        kept.add(batch.get(i));
      }
    }
    keep.accept(kept);
    List<PendingMessage> failedMessages = new ArrayList<>();
    Set<String> causes = new LinkedHashSet<>();
    Throwable firstCause = null;
    Set<String> failedTopics = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Throwable failure = outcome.failures()[i];
      if (failure == null) {
        batch.get(i).report().complete(outcome.delivered()[i]);
        events.acked(batch.get(i).message(), outcome.delivered()[i]);
        continue;
      }
      if (failedTopics.add(batch.get(i).message().topic())) {
        events.topicFailed(batch.get(i).message().topic(), failure);
      }
      failedMessages.add(batch.get(i).message());
      firstCause = firstCause == null ? failure : firstCause;
      if (causes.size() < CAUSES_IN_MESSAGE) {
        causes.add("topic '" + batch.get(i).message().topic() + "': " + failure.getClass().getSimpleName() + ": "
            + failure.getMessage());
      }
    }
    DeliveryFailed failed = new DeliveryFailed("Failed to deliver " + kept.size() + " of " + batch.size() + " messages ("
        + String.join("; ", causes) + "); they stay in the buffer for the next delivery", failedMessages, firstCause);
    span.with(EventKeys.DELIVERED_MESSAGE_COUNT, batch.size() - kept.size()).fail(failed);
    events.requests(sender);
    return failed;
  }
}
