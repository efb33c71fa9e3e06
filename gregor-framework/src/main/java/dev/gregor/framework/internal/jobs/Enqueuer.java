package dev.gregor.framework.internal.jobs;

import dev.gregor.client.EventKeys;
import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.Params;
import dev.gregor.framework.Route;
import dev.gregor.framework.TopicMapper;
import dev.gregor.framework.Worker;
import dev.gregor.framework.internal.Instrumentation;
import java.util.List;
import java.util.UUID;

/**
 * Hands a route's work to its worker (the seed's {@code perform_async}): a custom worker directly,
 * or a job record on the route's Kafka jobs topic, acknowledged before the message counts as processed.
 */
public final class Enqueuer {
  private final Gregor client;
  private final TopicMapper mapper;
  private final Instrumentation instrumentation;

  public Enqueuer(Gregor client, TopicMapper mapper, Instrumentation instrumentation) {
    this.client = client;
    this.mapper = mapper;
    this.instrumentation = instrumentation;
  }

  /** {@code worker} or {@code queue}: what a callback picked (null when none), else the route's. */
  public void enqueue(Route route, Worker worker, String queue, List<Params> params) throws Exception {
    Worker chosen = worker != null ? worker : queue == null ? route.worker() : null;
    Params first = params.get(0);
    if (chosen != null) {
      chosen.performAsync(route.topic(), params);
      instrumentation.event(Enqueuer.class, FrameworkEvent.ENQUEUE, "perform_async", EventKeys.TOPIC, route.topic(),
          EventKeys.PARTITION, first.partition(), EventKeys.OFFSET, first.offset(),
          FrameworkEvent.QUEUE, chosen.getClass().getName());
      return;
    }
    String jobs = queue != null ? queue : route.queue();
    client.deliverMessages(List.of(job(route, jobs, params)));
    enqueued(route, jobs, first);
  }

  /** The job record of {@code params} for the Kafka queue {@code jobs}: what {@link #enqueue} sends. */
  public PendingMessage job(Route route, String jobs, List<Params> params) {
    byte[] key = params.get(0).message().key();
    Produce options = Produce.options().header(JobHeaders.ID, UUID.randomUUID().toString())
        .header(JobHeaders.ROUTE, route.topic());
    if (key != null) {
      options = options.withKey(key);
    }
    return new PendingMessage(mapper.outgoing(jobs), route.interchanger().encode(params), options);
  }

  /** Reports a job sent. */
  public void enqueued(Route route, String jobs, Params first) {
    instrumentation.event(Enqueuer.class, FrameworkEvent.ENQUEUE, "perform_async", EventKeys.TOPIC, route.topic(),
        EventKeys.PARTITION, first.partition(), EventKeys.OFFSET, first.offset(), FrameworkEvent.QUEUE, jobs);
  }
}
