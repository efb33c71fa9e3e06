package dev.gregor.client.internal.consumer;

import dev.gregor.client.Event;
import dev.gregor.client.GregorException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** confluent-kafka-go's channel consumer: a background poller fills a bounded queue the application takes from. */
public final class EventChannel implements EventPump.Sink {
  private static final long OFFER_WAIT_MILLIS = 100;

  private final BlockingQueue<Event> queue;

  private EventChannel(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Starts polling {@code group} on a background thread; the queue never holds more than {@code capacity} events. */
  public static BlockingQueue<Event> start(PolledMember group, int capacity, String name) {
    EventChannel channel = new EventChannel(capacity);
    EventPump.start(group, channel, "gregor-channel-" + name);
    return channel.queue;
  }

  @Override
  public boolean offer(Event event) throws InterruptedException {
    return queue.offer(event, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void finished(Throwable failure) {
    if (failure != null) {
      GregorException error = failure instanceof GregorException g ? g
          : new GregorException("The consumer stopped: " + failure.getMessage(), failure);
      queue.offer(new Event.KafkaError(error, false)); // dropped only if the application stopped taking anyway
    }
  }
}
