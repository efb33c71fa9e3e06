package dev.gregor.client.internal.admin;

import dev.gregor.client.GroupListing;
import dev.gregor.client.UnknownGroup;
import dev.gregor.client.UnknownTopic;
import dev.gregor.client.internal.names.CloseNames;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * Makes "topic 'x' or that partition does not exist" precise: lists the cluster's topics (or
 * groups) and says whether the topic itself is missing and which existing names are close.
 * The listing is a courtesy within the caller's deadline: if it fails, the original error stands.
 */
public final class UnknownNames {
  private UnknownNames() {}

  /** {@code bounded}, whose {@link UnknownTopic} or {@link UnknownGroup} failure gains close names before {@code deadline}. */
  public static <T> CompletableFuture<T> suggesting(CompletableFuture<T> bounded, Admin admin, long deadlineNanos,
      AdminFailure failure) {
    return bounded.exceptionallyCompose(error -> {
      Throwable cause = unwrap(error);
      if (cause instanceof UnknownTopic unknown && unknown.topic() != null && unknown.suggestions().isEmpty()) {
        return within(topicNames(admin), deadlineNanos).handle((names, e) -> e != null || names.contains(unknown.topic())
            ? CompletableFuture.<T>failedFuture(unknown)
            : CompletableFuture.<T>failedFuture(topic(unknown.topic(), failure.what(), names, original(unknown))))
            .thenCompose(f -> f);
      }
      if (cause instanceof UnknownGroup unknown && unknown.groupId() != null && unknown.suggestions().isEmpty()) {
        return within(groupNames(admin), deadlineNanos).handle((names, e) -> e != null || names.contains(unknown.groupId())
            ? CompletableFuture.<T>failedFuture(unknown)
            : CompletableFuture.<T>failedFuture(group(unknown.groupId(), failure.what(), names, original(unknown))))
            .thenCompose(f -> f);
      }
      return CompletableFuture.failedFuture(cause);
    });
  }

  /**
   * The failure of "{@code doing}" on {@code topic}: the topic does not exist (with close names),
   * or, when {@code existing} holds it, that partition does not; {@code existing} null if unknown.
   */
  public static UnknownTopic topic(String topic, String doing, Collection<String> existing, Throwable cause) {
    if (existing == null) {
      return new UnknownTopic(topic, "Could not " + doing + ": topic '" + topic + "' or that partition does not exist",
          List.of(), cause);
    }
    if (existing.contains(topic)) {
      return new UnknownTopic(topic, "Could not " + doing + ": topic '" + topic + "' has no such partition", List.of(), cause);
    }
    List<String> close = CloseNames.closest(topic, existing);
    return new UnknownTopic(topic, "Could not " + doing + ": topic '" + topic + "' does not exist" + CloseNames.didYouMean(close),
        close, cause);
  }

  static UnknownGroup group(String group, String doing, Collection<String> existing, Throwable cause) {
    List<String> close = CloseNames.closest(group, existing);
    return new UnknownGroup(group, "Could not " + doing + ": consumer group '" + group + "' does not exist"
        + CloseNames.didYouMean(close), close, cause);
  }

  /** Every topic name, Kafka's internal ones included (they exist too); null if they cannot be listed before the deadline. */
  public static Collection<String> topicNamesBefore(Admin admin, long deadlineNanos) {
    try {
      return topicNames(admin).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return null;
    }
  }

  private static CompletableFuture<Collection<String>> topicNames(Admin admin) {
    return AdminFutures.of(admin.listTopics(new ListTopicsOptions().listInternal(true)).names()).thenApply(names -> names);
  }

  private static CompletableFuture<Collection<String>> groupNames(Admin admin) {
    return new GroupRequests(admin).list().thenApply(groups -> groups.stream().map(GroupListing::groupId).toList());
  }

  private static <T> CompletableFuture<T> within(CompletableFuture<T> listing, long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    return left <= 0 ? CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException())
        : listing.orTimeout(left, TimeUnit.NANOSECONDS);
  }

  /** kafka-clients' exception under Gregor's, kept as the cause of the more precise one. */
  private static Throwable original(Throwable gregor) {
    return gregor.getCause() != null ? gregor.getCause() : gregor;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
