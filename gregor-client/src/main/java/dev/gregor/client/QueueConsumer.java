package dev.gregor.client;

import dev.gregor.client.internal.consumer.ShareGroupMember;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.lifecycle.ClientScope;
import java.util.List;

/**
 * A member of a queue (KIP-932 share group, "queues for Kafka"): members may outnumber
 * partitions, and each message is acknowledged on its own — accepted when the handler returns,
 * released for redelivery when it throws, rejected once it was delivered {@code maxDeliveries}
 * times.
 *
 * <pre>{@code
 * QueueConsumer jobs = kafka.queue("mailers", q -> q.startFromBeginning(true).maxDeliveries(5));
 * jobs.subscribe("emails");
 * jobs.eachMessage(job -> send(job.message()));
 * }</pre>
 */
public final class QueueConsumer implements AutoCloseable {
  private final ShareGroupMember consumer;
  private final ClientScope scope;

  QueueConsumer(Config config, String groupId, QueueSettings settings, ClientScope scope, NotificationBus bus) {
    this.consumer = new ShareGroupMember(config, groupId, settings, bus);
    this.scope = scope;
    scope.add(new ClientScope.Part(ClientScope.Kind.READER, consumer::stop, consumer::closeFromAnyThread, consumer::isClosed));
  }

  /** Reads {@code topics} as this share group's queue. */
  public void subscribe(String... topics) {
    scope.requireOpen();
    consumer.subscribe(List.of(topics));
  }

  /** Runs {@code handler} for every message on this thread until {@link #stop()} or the client is closed. */
  public void eachMessage(QueueHandler handler) {
    scope.requireOpen();
    consumer.eachMessage(handler);
  }

  /** Finishes the current message, acknowledges what was handled and leaves; safe from any thread. */
  public void stop() {
    consumer.stop();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
