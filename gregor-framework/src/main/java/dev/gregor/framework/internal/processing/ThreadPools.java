package dev.gregor.framework.internal.processing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a thread dump says which app and role each one serves. */
public final class ThreadPools {
  private ThreadPools() {}

  public static ExecutorService fixed(String name, int threads) {
    return Executors.newFixedThreadPool(threads, named(name));
  }

  /**
   * A virtual thread per task (Java 21+, checked when the route was built), reached reflectively because
   * Gregor compiles for Java 17; the listener bounds how many run.
   */
  public static ExecutorService virtual(String name) {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, name + "-", 1L);
      ThreadFactory factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory")
          .invoke(builder);
      return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
          .invoke(null, factory);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("virtual threads need Java 21 or later; this is Java "
          + Runtime.version().feature(), e);
    }
  }

  public static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
