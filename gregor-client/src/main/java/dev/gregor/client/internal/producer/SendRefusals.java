package dev.gregor.client.internal.producer;

import dev.gregor.client.GregorException;
import dev.gregor.client.MessageSizeTooLarge;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.UnknownTopic;
import java.time.Duration;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;

/** Why a message is not sent, or not delivered, in words that name its topic and what the cluster allows. */
final class SendRefusals {
  private SendRefusals() {}

  /** The failure for a message the cluster is known to refuse, or null to send it. */
  static RuntimeException refusal(PendingMessage message, TopicLimits.Topic topic, boolean compressed) {
    if (topic == null) {
      return null;
    }
    if (topic.existence() == TopicLimits.Existence.MISSING_NOT_CREATED) {
      return missing(message.topic());
    }
    // Compressed, a larger message may still fit; the broker then judges it alone in its batch.
    if (topic.knownLimit() && !compressed && !RecordBatchSize.surelyWithin(message, topic.maxMessageBytes())) {
      int bytes = RecordBatchSize.alone(message);
      if (bytes > topic.maxMessageBytes()) {
        return new MessageSizeTooLarge("Not sent: a message of " + message.bytesize() + " bytes (key and value; "
            + bytes + " as a record batch) is larger than topic '" + message.topic() + "' accepts: its max.message.bytes is "
            + topic.maxMessageBytes() + "; raise it (Topics.alterConfig) or send smaller messages", null);
      }
    }
    return null;
  }

  static UnknownTopic missing(String topic) {
    return new UnknownTopic("Topic '" + topic + "' does not exist, and the cluster does not create topics on first use "
        + "(auto.create.topics.enable=false); create it first (Topics.create, or gregor topics create)", null);
  }

  /** Gregor's words for a kafka-clients failure of {@code message}, with that failure as the cause. */
  static Throwable describe(PendingMessage message, Throwable failure, TopicLimits.Topic topic) {
    if (failure instanceof RecordTooLargeException && topic != null && topic.knownLimit()) {
      return new MessageSizeTooLarge("A message of " + message.bytesize() + " bytes (key and value) for topic '"
          + message.topic() + "' is larger than the topic accepts (max.message.bytes is " + topic.maxMessageBytes()
          + ") or than the producer's max.request.size: " + failure.getMessage(), failure);
    }
    if (failure instanceof TimeoutException && String.valueOf(failure.getMessage()).contains("not present in metadata")) {
      boolean missing = topic != null && topic.existence() == TopicLimits.Existence.MISSING;
      return new UnknownTopic(missing
          ? "Topic '" + message.topic() + "' does not exist, and was not created on first use in time (" + failure.getMessage() + ")"
          : "No broker described topic '" + message.topic() + "' in time: it does not exist, or no broker answered ("
              + failure.getMessage() + ")", failure);
    }
    return Failures.describe(message, failure);
  }

  /** The failure of a message whose kafka-clients producer Gregor had to stop (see {@link Acknowledgements}). */
  static RuntimeException stopped(PendingMessage message, String why, Duration timeout, TopicLimits.Topic topic) {
    if (why.equals("split")) {
      String limit = topic != null && topic.knownLimit() ? "max.message.bytes is " + topic.maxMessageBytes()
          : "max.message.bytes could not be read";
      return new MessageSizeTooLarge("Not delivered: the broker refused the batch holding this message as larger than topic '"
          + message.topic() + "' accepts (" + limit + "), and kafka-clients could not split it below that limit; "
          + "the next delivery sends this topic's messages one to a batch, so only a message too large on its own fails", null);
    }
    if (why.equals("split elsewhere")) {
      return new GregorException("Not delivered: Gregor stopped the kafka-clients producer carrying this message to topic '"
          + message.topic() + "', which kept splitting a batch of another topic that the broker refused as too large; "
          + "the next delivery sends it again", null);
    }
    if (why.equals("shutdown")) {
      return new GregorException("Not delivered: the producer shut down before Kafka acknowledged this message to topic '"
          + message.topic() + "' (its shutdown timeout was spent)", null);
    }
    return new GregorException("Not delivered: no acknowledgement for this message to topic '" + message.topic()
        + "' arrived within the delivery timeout (" + timeout.toMillis() + " ms)", null);
  }
}
