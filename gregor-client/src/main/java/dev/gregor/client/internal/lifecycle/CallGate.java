package dev.gregor.client.internal.lifecycle;

/**
 * Lets a closing client release a product that is not thread-safe while its owner may be in
 * the middle of a call on another thread: a call in progress finishes, and the product is released
 * when it returns; every later call says the client is closed.
 */
public final class CallGate {
  private final ClientScope scope;
  private final Runnable release;
  private int calls;
  private boolean closing;
  private boolean released;

  public CallGate(ClientScope scope, Runnable release) {
    this.scope = scope;
    this.release = release;
  }

  /** Enters a call; throws {@link IllegalStateException} once the client is closed. */
  public void enter() {
    synchronized (this) {
      scope.requireOpen();
      calls++;
    }
  }

  /** Leaves a call; the last one out after the client closed releases the product. */
  public void exit() {
    boolean releaseNow;
    synchronized (this) {
      calls--;
      releaseNow = closing && calls == 0 && !released;
      released |= releaseNow;
    }
    if (releaseNow) {
      release.run();
    }
  }

  /** The client closes: releases the product now, or when the call in progress returns. */
  public void closeFromClient() {
    boolean releaseNow;
    synchronized (this) {
      closing = true;
      releaseNow = calls == 0 && !released;
      released |= releaseNow;
    }
    if (releaseNow) {
      release.run();
    }
  }

  /** Whether the client closed this product (released already, or once its call returns). */
  public synchronized boolean closedByClient() {
    return closing;
  }
}
