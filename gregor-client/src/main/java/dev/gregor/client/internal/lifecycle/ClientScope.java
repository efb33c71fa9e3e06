package dev.gregor.client.internal.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one {@link dev.gregor.client.Gregor} client created, so that closing the client
 * closes it all, and the one answer every later use gets: the client is closed.
 */
public final class ClientScope {
  private static final Logger LOG = LoggerFactory.getLogger(ClientScope.class);

  /** The order of closing: readers stop first, so a handler's last messages reach a producer that is still open. */
  public enum Kind { READER, ASYNC_PRODUCER, PRODUCER }

  /**
   * One product: {@code stop} asks it to stop without waiting, {@code close} closes it (or waits for
   * its own thread to) within the time given, {@code done} says it is closed already.
   */
  public record Part(Kind kind, Runnable stop, Consumer<Duration> close, BooleanSupplier done) {}

  private final String bootstrap;
  private final Set<Part> parts = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public ClientScope(List<String> seedBrokers) {
    this.bootstrap = String.join(",", seedBrokers);
  }

  public boolean isClosed() {
    return closed;
  }

  /** Throws the {@link IllegalStateException} every use of a closed client or of its products gets. */
  public void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the Gregor client for " + bootstrap + " is closed");
    }
  }

  /** Adds a product created by this client; one created while the client closed is closed at once. */
  public void add(Part part) {
    parts.removeIf(known -> known.done().getAsBoolean()); // products closed by their user are forgotten
    parts.add(part);
    if (closed && parts.remove(part)) {
      part.close().accept(Duration.ZERO);
      requireOpen();
    }
  }

  /** Closes every product, readers first, then async producers, then producers, all within {@code timeout}. */
  public void close(Duration timeout) {
    closed = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Part> open = List.copyOf(parts);
    parts.clear();
    open.stream().filter(part -> part.kind() == Kind.READER).forEach(part -> part.stop().run());
    for (Kind kind : Kind.values()) {
      open.stream().filter(part -> part.kind() == kind).forEach(part -> closeQuietly(part, deadline));
    }
  }

  private static void closeQuietly(Part part, long deadline) {
    try {
      part.close().accept(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    } catch (RuntimeException e) {
      // One product failing to close must not leave the others open.
      LOG.warn("Closing a {} of a closed Gregor client failed", part.kind().name().toLowerCase().replace('_', ' '), e);
    }
  }
}
