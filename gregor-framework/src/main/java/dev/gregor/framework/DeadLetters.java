package dev.gregor.framework;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.framework.internal.DeadLetterReplay;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Dead-letter records: the failed message's key, value and headers, plus these headers saying where
 * it came from and why it failed; and replaying them to where they came from.
 */
public final class DeadLetters {
  /** Header: the Kafka topic the message was read from. */
  public static final String ORIGIN_TOPIC = "gregor-dlt-origin-topic";
  /** Header: its partition, in decimal. */
  public static final String ORIGIN_PARTITION = "gregor-dlt-origin-partition";
  /** Header: its offset, in decimal. */
  public static final String ORIGIN_OFFSET = "gregor-dlt-origin-offset";
  /** Header: its timestamp, ISO-8601. */
  public static final String ORIGIN_TIMESTAMP = "gregor-dlt-origin-timestamp";
  /** Header: the consumer group that failed on it. */
  public static final String ORIGIN_GROUP = "gregor-dlt-origin-group";
  /** Header: how many attempts were made, in decimal. */
  public static final String ATTEMPTS = "gregor-dlt-attempts";
  /** Header: the class of the last exception. */
  public static final String EXCEPTION = "gregor-dlt-exception";
  /** Header: its message. */
  public static final String EXCEPTION_MESSAGE = "gregor-dlt-exception-message";
  /** Header: its stack trace, cut at 8 KB. */
  public static final String STACK_TRACE = "gregor-dlt-stacktrace";
  /** What every dead-letter header name starts with; replay drops them. */
  public static final String PREFIX = "gregor-dlt-";

  private DeadLetters() {}

  /** The topic {@code deadLetter} came from (its {@link #ORIGIN_TOPIC} header), or null when it is not a dead letter. */
  public static @Nullable String originTopic(Message deadLetter) {
    return deadLetter.header(ORIGIN_TOPIC);
  }

  /**
   * Writes every dead letter of {@code deadLetterTopic} not replayed before back to its origin topic (key, value
   * and the original headers), in order per partition, and returns how many. Progress is kept by the consumer
   * group {@code <deadLetterTopic>_replay}, committed only after the origin acknowledged, so a replay that fails
   * half way goes on where it stopped. Returns once the topic's end as of the call was reached, or fails after
   * {@code timeout}.
   */
  public static int replay(Gregor client, String deadLetterTopic, Duration timeout) {
    return new DeadLetterReplay(client, deadLetterTopic, deadLetterTopic + "_replay").run(timeout);
  }
}
