package dev.gregor.client.internal.admin;

import dev.gregor.client.GregorException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/** Bridges kafka-clients' futures to bounded {@link CompletableFuture}s that fail with Gregor's exceptions. */
public final class AdminFutures {
  private AdminFutures() {}

  /** {@code future} as a {@link CompletableFuture}. */
  public static <T> CompletableFuture<T> of(KafkaFuture<T> future) {
    return future.toCompletionStage().toCompletableFuture();
  }

  /** {@code operation}, failing within {@code timeout} and with exceptions translated by {@code failure}. */
  public static <T> CompletableFuture<T> bounded(CompletableFuture<T> operation, Duration timeout, AdminFailure failure) {
    CompletableFuture<T> result = new CompletableFuture<>();
    operation.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, error) -> {
      if (error == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(failure.translate(error));
      }
    });
    return result;
  }

  /** Waits for a bounded operation and rethrows its failure in the caller's thread. */
  public static <T> T await(CompletableFuture<T> bounded, Duration timeout, AdminFailure failure) {
    try {
      // The future is already bounded; the margin only guards against a lost completion.
      return bounded.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      GregorException translated = failure.translate(e.getCause());
      translated.addSuppressed(new Exception("awaited here"));
      throw translated;
    } catch (TimeoutException e) {
      throw failure.translate(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GregorException("Interrupted while waiting to " + failure.what(), e);
    }
  }
}
