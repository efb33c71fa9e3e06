package dev.gregor.client.internal.events;

import dev.gregor.client.NotificationSubscription;
import dev.gregor.client.ProcessedHook;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's {@link ProcessedHook}s, called in order on the consumer's thread. The array is replaced, never changed,
 * so calling them takes no lock; a hook that throws is logged (its first failure) and counted.
 */
final class ProcessedHooks {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessedHooks.class);

  private volatile Registration[] hooks = new Registration[0];

  NotificationSubscription add(ProcessedHook hook, Runnable changed) {
    Registration registration = new Registration(hook, changed);
    synchronized (this) {
      Registration[] grown = Arrays.copyOf(hooks, hooks.length + 1);
      grown[hooks.length] = registration;
      hooks = grown;
    }
    changed.run();
    return registration;
  }

  boolean any() {
    return hooks.length > 0;
  }

  void processed(@Nullable String groupId, String topic, int partition, long offset, long offsetLag, long nanos,
      boolean failed) {
    for (Registration registration : hooks) {
      try {
        registration.hook.processed(groupId, topic, partition, offset, offsetLag, nanos, failed);
      } catch (RuntimeException e) {
        if (registration.failed.getAndIncrement() == 0) {
          LOG.warn("A processed hook threw; its failures are counted, this is the only one logged", e);
        }
      }
    }
  }

  void clear() {
    hooks = new Registration[0];
  }

  private synchronized void remove(Registration registration) {
    hooks = Arrays.stream(hooks).filter(r -> r != registration).toArray(Registration[]::new);
  }

  private final class Registration implements NotificationSubscription {
    final ProcessedHook hook;
    final Runnable changed;
    final AtomicLong failed = new AtomicLong();

    Registration(ProcessedHook hook, Runnable changed) {
      this.hook = hook;
      this.changed = changed;
    }

    @Override
    public long dropped() {
      return 0; // called in place: nothing queues, so nothing is dropped
    }

    @Override
    public long failed() {
      return failed.get();
    }

    @Override
    public void close() {
      remove(this);
      changed.run();
    }
  }
}
