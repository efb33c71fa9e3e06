package dev.gregor.client.internal.admin;

import dev.gregor.client.GregorException;
import dev.gregor.client.GroupNotEmpty;
import dev.gregor.client.InvalidPartitions;
import dev.gregor.client.NotAuthorized;
import dev.gregor.client.PolicyViolation;
import dev.gregor.client.TopicExists;
import dev.gregor.client.UnknownGroup;
import dev.gregor.client.UnknownTopic;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What an admin operation was doing ({@code "create topic 'orders'"}) and on which topic or group,
 * so that kafka-clients' failures become Gregor's exceptions naming both.
 */
public record AdminFailure(String what, String topic, String group) {

  public static AdminFailure onTopic(String what, String topic) {
    return new AdminFailure(what + " '" + topic + "'", topic, null);
  }

  public static AdminFailure onGroup(String what, String group) {
    return new AdminFailure(what + " '" + group + "'", null, group);
  }

  public static AdminFailure onCluster(String what) {
    return new AdminFailure(what, null, null);
  }

  /** Gregor's exception for {@code failure}; Gregor's own exceptions pass through. */
  public GregorException translate(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof GregorException gregor) {
      return gregor;
    }
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String message = "Could not " + what + ": " + reason;
    if (cause instanceof TopicExistsException) {
      return new TopicExists(topic, "Could not " + what + ": the topic already exists", cause);
    }
    if (cause instanceof UnknownTopicOrPartitionException) {
      return UnknownNames.topic(topic, what, null, cause);
    }
    if (cause instanceof InvalidPartitionsException) {
      return new InvalidPartitions(topic, message, cause);
    }
    if (cause instanceof GroupNotEmptyException) {
      return new GroupNotEmpty(group, "Could not " + what + ": the group still has members; stop them first", cause);
    }
    if (cause instanceof GroupIdNotFoundException) {
      return new UnknownGroup(group, "Could not " + what + ": the group does not exist", cause);
    }
    if (cause instanceof PolicyViolationException) {
      return new PolicyViolation(topic, "Could not " + what + ": refused by the cluster's policy: " + reason, cause);
    }
    if (cause instanceof AuthorizationException) {
      return new NotAuthorized(resource(cause), "Could not " + what + ": not authorized on " + resource(cause)
          + "; ask for an ACL granting it (" + reason + ")", cause);
    }
    if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
      return new GregorException("Could not " + what + " in time (adminTimeout): " + reason, cause);
    }
    return new GregorException(message, cause);
  }

  private String resource(Throwable cause) {
    if (cause instanceof TopicAuthorizationException && topic != null) {
      return "topic '" + topic + "'";
    }
    if (cause instanceof GroupAuthorizationException && group != null) {
      return "group '" + group + "'";
    }
    if (cause instanceof ClusterAuthorizationException) {
      return "the cluster";
    }
    return topic != null ? "topic '" + topic + "'" : group != null ? "group '" + group + "'" : "the cluster";
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
