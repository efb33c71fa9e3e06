package dev.gregor.framework.internal.processing;

import dev.gregor.client.EventKeys;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.framework.DeadLetters;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.Route;
import dev.gregor.framework.TopicMapper;
import dev.gregor.framework.internal.Instrumentation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes a chunk's failed messages to a retry topic or the dead-letter topic, on a pool thread: key,
 * value and headers as they were, plus where they first came from and why they failed; acknowledged
 * before the listener marks them, so a crash meanwhile reads them again rather than losing them.
 */
final class DeadLetterSending {
  private static final int MAX_STACK_BYTES = 8 * 1024;
  private static final List<String> ORIGIN = List.of(DeadLetters.ORIGIN_TOPIC, DeadLetters.ORIGIN_PARTITION,
      DeadLetters.ORIGIN_OFFSET, DeadLetters.ORIGIN_TIMESTAMP);

  private final Gregor client;
  private final TopicMapper topicMapper;
  private final Instrumentation instrumentation;
  private final String groupIdOfWriter;
  /** One per listener, made at the first failure: writes of failures on all partitions share its deliveries. */
  private ForwardWriter writer;

  DeadLetterSending(Gregor client, TopicMapper topicMapper, Instrumentation instrumentation, String groupId) {
    this.groupIdOfWriter = groupId;
    this.client = client;
    this.topicMapper = topicMapper;
    this.instrumentation = instrumentation;
  }

  /**
   * Writes the chunk's messages without blocking: the listener's {@link ForwardWriter} delivers whatever is waiting
   * each time (so writes of many failures share round trips) and retries until closed; the outcome follows delivery.
   */
  CompletableFuture<Outcome> sendAsync(Chunk chunk, String groupId) {
    long start = System.nanoTime();
    chunk.claimAll();
    chunk.starting(chunk.messages.get(0));
    CompletableFuture<Void> written;
    try {
      written = writer().write(letters(chunk, groupId));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new Outcome(chunk, e, 0, System.nanoTime() - start));
    }
    return written.handle((done, error) -> {
      if (error != null) {
        return new Outcome(chunk, error instanceof CompletionException ? error.getCause() : error, 0,
            System.nanoTime() - start);
      }
      published(chunk, groupId);
      return new Outcome(chunk, null, chunk.messages.size(), System.nanoTime() - start);
    });
  }

  private synchronized ForwardWriter writer() {
    if (writer == null) {
      writer = new ForwardWriter(client, "gregor-forward-writer-" + groupIdOfWriter);
    }
    return writer;
  }

  /** Delivers what is pending within {@code timeout} and stops; what it could not deliver is read again later. */
  synchronized void close(Duration timeout) {
    if (writer != null) {
      writer.close(timeout);
      writer = null;
    }
  }

  private List<PendingMessage> letters(Chunk chunk, String groupId) {
    Chunk.Forward forward = chunk.deadLetter;
    Route route = chunk.work.route;
    String topic = topicMapper.outgoing(forward.topic());
    Throwable error = forward.error();
    String stack = stack(error);
    List<PendingMessage> letters = new ArrayList<>(chunk.messages.size());
    for (Message message : chunk.messages) {
      Produce options = Produce.options().withKey(message.key());
      for (Message.Header header : message.headers()) {
        if (!header.name().startsWith(DeadLetters.PREFIX) && !header.name().startsWith("gregor-retry-")) {
          options = options.header(header.name(), header.value());
        }
      }
      // A message from a retry topic keeps the origin it was first read from.
      boolean retried = message.header(DeadLetters.ORIGIN_TOPIC) != null;
      List<String> origin = retried ? ORIGIN.stream().map(message::header).toList() : List.of(message.topic(),
          Integer.toString(message.partition()), Long.toString(message.offset()), message.timestamp().toString());
      for (int i = 0; i < ORIGIN.size(); i++) {
        options = options.header(ORIGIN.get(i), origin.get(i));
      }
      options = options.header(DeadLetters.ORIGIN_GROUP, groupId)
          .header(DeadLetters.ATTEMPTS, Integer.toString(forward.attempts()))
          .header(DeadLetters.EXCEPTION, error.getClass().getName())
          .header(DeadLetters.EXCEPTION_MESSAGE, String.valueOf(error.getMessage()))
          .header(DeadLetters.STACK_TRACE, stack);
      if (forward.retry() > 0) {
        options = options.header(Admission.RETRY_ATTEMPT, Integer.toString(forward.retry()))
            .header(Admission.RETRY_DUE, Long.toString(System.currentTimeMillis()
                + route.retryDelay(forward.retry()).toMillis()));
      }
      letters.add(new PendingMessage(topic, message.value(), options));
    }
    return letters;
  }

  private void published(Chunk chunk, String groupId) {
    Chunk.Forward forward = chunk.deadLetter;
    String topic = topicMapper.outgoing(forward.topic());
    Throwable error = forward.error();
    for (Message message : chunk.messages) {
      instrumentation.event(DeadLetterSending.class, forward.retry() > 0 ? FrameworkEvent.RETRY
          : FrameworkEvent.DEAD_LETTER, forward.retry() > 0 ? "retry" : "dead_letter", EventKeys.GROUP_ID, groupId,
          EventKeys.TOPIC, message.topic(), EventKeys.PARTITION, message.partition(), EventKeys.OFFSET,
          message.offset(), FrameworkEvent.DEAD_LETTER_TOPIC, topic, EventKeys.ATTEMPTS, forward.attempts(),
          EventKeys.EXCEPTION, error.getClass().getName() + ": " + error.getMessage());
    }
  }

  /** The stack trace, cut to 8 KB of UTF-8 so a deep one cannot make the record too large. */
  private static String stack(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_STACK_BYTES) {
      return out.toString();
    }
    return new String(bytes, 0, MAX_STACK_BYTES, StandardCharsets.UTF_8) + "...";
  }
}
