package dev.gregor.framework.internal.processing;

import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.EventKeys;
import dev.gregor.client.HandlerFailure;
import dev.gregor.client.Message;
import dev.gregor.client.ProcessingFailed;
import dev.gregor.framework.InvalidResponse;
import dev.gregor.framework.internal.Instrumentation;
import java.util.List;
import java.util.function.Consumer;

/**
 * What happens to a chunk that failed, on the listener thread: on to a retry or dead-letter topic,
 * or the route's error policy decides — retry its lane later, skip, dead-letter, or stop the app.
 */
final class FailureHandling {
  /** Starts writing messages taken out of their lanes to a retry or dead-letter topic. */
  @FunctionalInterface
  interface Forwarding {
    void forward(PartitionWork work, Lanes.Taken taken, Chunk.Forward forward);
  }

  private final String groupId;
  private final Instrumentation instrumentation;
  private final Forwarding forwarding;
  private final Consumer<ProcessingFailed> stop;

  FailureHandling(String groupId, Instrumentation instrumentation, Forwarding forwarding,
      Consumer<ProcessingFailed> stop) {
    this.groupId = groupId;
    this.instrumentation = instrumentation;
    this.forwarding = forwarding;
    this.stop = stop;
  }

  /**
   * Reports the failure and acts on it; returns the message to mark when skipping moved the finished prefix.
   * {@code live}: not stopping or revoking, when failures are only reported (read again, uncommitted).
   */
  Message failed(PartitionWork work, Outcome outcome, boolean live) {
    List<Message> notDone = outcome.notDone();
    Message failed = notDone.get(0);
    List<Message> failedMessages = work.route.batchMode() ? notDone : List.of(failed);
    String origin = outcome.chunk().deadLetter != null ? "dead-letter"
        : outcome.error() instanceof InvalidResponse ? "responder" : "controller";
    instrumentation.error(GroupListener.class, origin, outcome.error(), EventKeys.TOPIC, work.route.topic(),
        EventKeys.PARTITION, failed.partition(), EventKeys.OFFSET, failed.offset());
    if (!live) {
      return null;
    }
    if (work.route.retryTopics() > 0) { // non-blocking: on to the next retry topic, or the dead-letter topic
      int retry = Admission.attemptOf(failed) + 1;
      boolean last = retry > work.route.retryTopics();
      // Not held: the partition (or key) goes on while the write is in flight; the commit waits for it.
      forwarding.forward(work, work.lanes.takeOut(failedMessages, false), new Chunk.Forward(last
          ? work.route.deadLetter() : work.route.retryTopic(retry), outcome.error(), retry, last ? 0 : retry));
      return null;
    }
    Lanes.Lane lane = work.lanes.failed(failed, outcome.done());
    ErrorPolicy.Decision decision = work.route.errorPolicy().decide(new HandlerFailure(failed.topic(),
        failed.partition(), failed.offset(), failedMessages, lane.attempt, outcome.error()));
    if (decision.stops() && work.route.deadLetter() != null) {
      // Held until the dead-letter topic acknowledged: later messages of the key wait, the commit stays behind.
      forwarding.forward(work, work.lanes.takeOut(failedMessages, true), new Chunk.Forward(work.route.deadLetter(),
          outcome.error(), lane.attempt, 0));
      return null;
    }
    if (decision.stops()) {
      Message last = failedMessages.get(failedMessages.size() - 1);
      stop.accept(new ProcessingFailed(groupId, failed.topic(), failed.partition(), failed.offset(), last.offset(),
          "Route '" + work.route.topic() + "' failed on " + failed.topic() + "/" + failed.partition() + "@"
              + failed.offset() + " after " + lane.attempt + " attempt(s) and its error policy stopped it: "
              + outcome.error(), outcome.error()));
      return null;
    }
    if (decision.skips()) {
      for (Message message : failedMessages) {
        work.lanes.drop(message);
        work.offsets.finish(message);
      }
      return work.offsets.advance();
    }
    work.lanes.retryAt(lane, System.nanoTime() + decision.retryAfter().toNanos());
    return null;
  }
}
