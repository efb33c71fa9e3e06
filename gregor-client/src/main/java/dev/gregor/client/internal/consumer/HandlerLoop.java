package dev.gregor.client.internal.consumer;

import dev.gregor.client.Batch;
import dev.gregor.client.BatchHandler;
import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.HandlerFailure;
import dev.gregor.client.Message;
import dev.gregor.client.MessageHandler;
import dev.gregor.client.internal.events.Span;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * ruby-kafka's {@code each_message} and {@code each_batch} over a {@link GroupMember}: handlers
 * run on the polling thread, a message is marked only after its handler returned, and a failure
 * goes to the {@link ErrorPolicy}.
 */
public final class HandlerLoop {
  private enum Outcome { DONE, RETRY }

  private final PolledMember group;
  private final boolean autoMark;

  public HandlerLoop(PolledMember group) {
    this.group = group;
    this.autoMark = group.settings().automaticallyMarkAsProcessed();
  }

  public void eachMessage(MessageHandler handler) {
    run(records -> {
      for (TopicPartition tp : records.partitions()) {
        // Marks once per partition run, not per message, including the run a failure cuts short.
        long next = -1;
        int processed = 0;
        boolean instrumented = group.events().instrumentsMessages();
        long highWatermark = instrumented ? group.highWatermark(tp) : 0;
        try {
          for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
            if (!group.inGroup()) {
              group.holdBack(records, tp, record.offset());
              return;
            }
            Message message = Messages.of(record);
            Exception failure = instrumented ? callInstrumented(handler, message, highWatermark) : call(handler, message);
            if (failure == null) {
              passed(tp);
            } else if (failed(failure, tp, message.offset(), List.of(message)) == Outcome.RETRY) {
              break;
            }
            next = message.offset() + 1;
            processed++;
            if (group.partitions().disrupted(tp)) {
              group.partitions().keepPositionAfter(tp, next);
              break;
            }
            if (group.stopRequested()) {
              return;
            }
          }
        } finally {
          if (processed > 0 && autoMark) {
            group.mark(tp, next, processed);
          }
        }
      }
    });
  }

  public void eachBatch(BatchHandler handler) {
    run(records -> {
      for (TopicPartition tp : records.partitions()) {
        List<ConsumerRecord<byte[], byte[]>> partitionRecords = records.records(tp);
        if (!group.inGroup()) {
          group.holdBack(records, tp, partitionRecords.get(0).offset());
          return;
        }
        List<Message> messages = new ArrayList<>(partitionRecords.size());
        partitionRecords.forEach(record -> messages.add(Messages.of(record)));
        long next = messages.get(messages.size() - 1).offset() + 1;
        long lag = group.lag(tp);
        Batch batch = new Batch(tp.topic(), tp.partition(), List.copyOf(messages), next + Math.max(lag, 0));
        Span span = group.events().wantsBatches() ? group.events().processing(batch) : Span.NONE;
        if (handle(() -> {
          try {
            handler.handle(batch);
          } catch (Exception e) {
            span.fail(e);
            throw e;
          }
          span.stop();
        }, tp, batch.firstOffset(), batch.messages()) == Outcome.RETRY) {
          continue;
        }
        if (autoMark) {
          group.mark(tp, next, messages.size());
        }
        if (group.partitions().disrupted(tp)) {
          group.partitions().keepPositionAfter(tp, next);
        }
        if (group.stopRequested()) {
          return;
        }
      }
    });
  }

  /** The per-message path: no lambda, no list, unless the handler fails. */
  private static Exception call(MessageHandler handler, Message message) {
    try {
      handler.handle(message);
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  private Exception callInstrumented(MessageHandler handler, Message message, long highWatermark) {
    Span span = group.events().processing(message, highWatermark);
    Exception failure = call(handler, message);
    if (failure == null) {
      span.stop();
    } else {
      span.fail(failure);
    }
    group.events().processed(message, ConsumerEvents.lag(message, highWatermark), failure != null);
    return failure;
  }

  private Outcome handle(HandlerCall.Work work, TopicPartition tp, long offset, List<Message> messages) {
    Exception failure = HandlerCall.attempt(work);
    if (failure == null) {
      passed(tp);
      return Outcome.DONE;
    }
    return failed(failure, tp, offset, messages);
  }

  private void passed(TopicPartition tp) {
    group.processed(tp);
  }

  private Outcome failed(Exception failure, TopicPartition tp, long offset, List<Message> messages) {
    int attempt = group.failed(tp, offset);
    ErrorPolicy.Decision decision = group.settings().errorPolicy()
        .decide(new HandlerFailure(tp.topic(), tp.partition(), offset, messages, attempt, failure));
    long last = messages.get(messages.size() - 1).offset();
    if (decision == null) { // stops as stop() would, so the failed message is neither lost nor skipped
      throw HandlerCall.failed(failure, group.groupId(), tp.topic(), tp.partition(), offset, last, "; then the "
          + "errorPolicy returned null, which it must not: ErrorPolicy.decide returns Decision.stop(), skip() or "
          + "retryAfter(wait), so the consumer stopped as stop() would");
    }
    if (decision.stops()) {
      throw HandlerCall.failed(failure, group.groupId(), tp.topic(), tp.partition(), offset, last);
    }
    if (decision.skips()) {
      group.skipped(tp);
      return Outcome.DONE;
    }
    group.partitions().retryLater(tp, offset, decision.retryAfter());
    return Outcome.RETRY;
  }

  private interface RecordsHandler {
    void handle(ConsumerRecords<byte[], byte[]> records);
  }

  private void run(RecordsHandler handler) {
    group.start(false);
    try {
      while (!group.stopRequested()) {
        handler.handle(group.pollOnce(GroupMember.POLL));
      }
    } finally {
      group.close();
    }
  }
}
