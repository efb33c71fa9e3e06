package dev.gregor.client.internal.consumer;

import dev.gregor.client.Event;
import dev.gregor.client.Message;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Flow.Publisher} of one consumer's messages for one subscriber, with back-pressure:
 * nothing is fetched beyond what the subscriber requested. With automatic marking, a message
 * counts as processed when {@code onNext} returns.
 */
public final class MessagePublisher implements Flow.Publisher<Message> {
  private final PolledMember group;
  private final String name;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  public MessagePublisher(PolledMember group, String name) {
    this.group = group;
    this.name = name;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super Message> subscriber) {
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) { }

        @Override
        public void cancel() { }
      });
      subscriber.onError(new IllegalStateException("this consumer's publisher already has a subscriber; "
          + "a group member's messages go to one place — add members to the group to share the work"));
      return;
    }
    Delivery delivery = new Delivery(subscriber, group.settings().automaticallyMarkAsProcessed() ? new MarkRun(group) : null);
    subscriber.onSubscribe(delivery);
    EventPump.start(group, delivery, "gregor-publisher-" + name);
  }

  private final class Delivery implements Flow.Subscription, EventPump.Sink {
    private final Flow.Subscriber<? super Message> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final MarkRun marks;
    private volatile Throwable badRequest;

    Delivery(Flow.Subscriber<? super Message> subscriber, MarkRun marks) {
      this.subscriber = subscriber;
      this.marks = marks;
    }

    @Override
    public void request(long n) {
      if (n <= 0) { // Reactive Streams rule 3.9
        badRequest = new IllegalArgumentException("request(" + n + "): demand must be positive");
        group.stop();
        return;
      }
      demand.getAndAccumulate(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
    }

    @Override
    public void cancel() {
      group.stop();
    }

    @Override
    public boolean offer(Event event) {
      if (event instanceof Event.KafkaError error && !error.retriable()) {
        throw error.error(); // ends the subscription with onError
      }
      if (!(event instanceof Message message)) {
        return true; // rebalances and passing errors are the consumer's business; subscribers see messages
      }
      if (demand.get() == 0) {
        return false;
      }
      demand.decrementAndGet();
      try {
        subscriber.onNext(message);
      } catch (RuntimeException e) { // Reactive Streams 2.13: a throwing onNext ends the subscription, here with onError
        throw HandlerCall.failed(e, group.groupId(), message.topic(), message.partition(), message.offset(),
            message.offset());
      }
      if (marks != null) {
        marks.add(message);
      }
      return true;
    }

    @Override
    public void finished(Throwable failure) {
      Throwable error = failure != null ? failure : badRequest;
      if (error != null) {
        subscriber.onError(error);
      } else {
        subscriber.onComplete();
      }
    }
  }
}
