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

  public static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
