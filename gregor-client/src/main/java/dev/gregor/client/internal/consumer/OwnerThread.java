package dev.gregor.client.internal.consumer;

/** Fails clearly when an object that is not thread-safe is used from a second thread. */
public final class OwnerThread {
  private final String what;
  private final String advice;
  private volatile Thread owner;

  public OwnerThread(String what) {
    this(what, "use one per thread, or an AsyncProducer, which is thread-safe");
  }

  /** {@code advice}: what to do instead, for this kind of object. */
  public OwnerThread(String what, String advice) {
    this.what = what;
    this.advice = advice;
  }

  /** Whether the calling thread is the owner; false before any thread has bound. */
  public boolean isCurrent() {
    return owner == Thread.currentThread();
  }

  /** Whether some thread has bound. */
  public boolean isBound() {
    return owner != null;
  }

  /** Binds to the first calling thread; throws {@link IllegalStateException} for any other. */
  public void check() {
    Thread current = Thread.currentThread();
    if (owner == null) {
      synchronized (this) {
        if (owner == null) {
          owner = current;
        }
      }
    }
    if (owner != current) {
      throw new IllegalStateException(what + " is not thread-safe: it was first used by thread '" + owner.getName()
          + "' and now by '" + current.getName() + "'; " + advice);
    }
  }
}
