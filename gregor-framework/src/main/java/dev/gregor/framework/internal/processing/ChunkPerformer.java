package dev.gregor.framework.internal.processing;

import dev.gregor.client.EventKeys;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.TimedEvent;
import dev.gregor.framework.BeforeEnqueue;
import dev.gregor.framework.Controller;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.OffsetStore;
import dev.gregor.framework.Params;
import dev.gregor.framework.Responder;
import dev.gregor.framework.Route;
import dev.gregor.framework.TopicMapper;
import dev.gregor.framework.internal.FrameworkAccess;
import dev.gregor.framework.internal.Instrumentation;
import dev.gregor.framework.internal.jobs.Enqueuer;
import dev.gregor.framework.internal.responding.ResponseDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.List;

/**
 * Runs one partition's chunk on a pool thread, in offset order: parse (a failure reaches the
 * controller, never stops the flow), callbacks, then perform inline and respond, or enqueue for a
 * worker. In batch mode the chunk is one batch. Never throws: the {@link Outcome} says how it went.
 */
final class ChunkPerformer {
  private final String groupId;
  private final Instrumentation instrumentation;
  private final ResponseDelivery responses;
  private final Enqueuer enqueuer;
  private final Gregor client;
  private final DeadLetterSending deadLetters;

  ChunkPerformer(String groupId, Gregor client, TopicMapper topicMapper, Instrumentation instrumentation,
      ResponseDelivery responses, Enqueuer enqueuer) {
    this.groupId = groupId;
    this.client = client;
    this.instrumentation = instrumentation;
    this.responses = responses;
    this.enqueuer = enqueuer;
    this.deadLetters = new DeadLetterSending(client, topicMapper, instrumentation, groupId);
  }

  Outcome perform(Chunk chunk) {
    chunk.thread = Thread.currentThread();
    PartitionWork work = chunk.work;
    Route route = work.route;
    List<Message> messages = chunk.messages;
    if (messages.isEmpty()) {
      return tick(chunk);
    }
    TimedEvent span = instrumentation.start(ChunkPerformer.class, route.inlineMode() ? FrameworkEvent.PERFORM
        : FrameworkEvent.CONSUME, route.inlineMode() ? "perform" : "consume", EventKeys.GROUP_ID, groupId,
        EventKeys.TOPIC, route.topic(), EventKeys.PARTITION, work.partition.partition(),
        EventKeys.OFFSET, messages.get(0).offset(), EventKeys.MESSAGE_COUNT, messages.size());
    long start = System.nanoTime();
    instrumentation.counters().performing();
    Outcome outcome = route.batchMode() ? batch(chunk, start) : oneByOne(chunk, start);
    instrumentation.counters().performed(outcome.handled(), outcome.failed());
    chunk.since = 0;
    if (outcome.failed()) {
      span.fail(outcome.error());
    } else {
      span.stop();
    }
    return outcome;
  }

  /** Writes a chunk of failed messages to its retry or dead-letter topic, without a pool thread. */
  CompletableFuture<Outcome> forward(Chunk chunk) {
    return deadLetters.sendAsync(chunk, groupId);
  }

  /** Stops the writer of retry and dead-letter topics, delivering what it still can within {@code timeout}. */
  void close(Duration timeout) {
    deadLetters.close(timeout);
  }

  /** The route's periodic tick on this partition's controller. */
  private Outcome tick(Chunk chunk) {
    long start = System.nanoTime();
    try {
      FrameworkAccess.controllers().tick(chunk.handlers.controller(), chunk.work.route);
    } catch (Throwable e) {
      return new Outcome(chunk, e, 0, System.nanoTime() - start);
    }
    return new Outcome(chunk, null, 0, System.nanoTime() - start);
  }

  private Outcome oneByOne(Chunk chunk, long start) {
    List<Message> messages = chunk.messages;
    int finished = 0;
    for (int i = chunk.claim(); i >= 0; i = chunk.claim()) {
      if (chunk.work.handBack) {
        return new Outcome(chunk, null, finished, System.nanoTime() - start);
      }
      Message message = messages.get(i);
      chunk.starting(message);
      try {
        run(chunk, List.of(message));
      } catch (Throwable e) {
        return new Outcome(chunk, e, finished, System.nanoTime() - start);
      }
      finished = i + 1;
    }
    return new Outcome(chunk, null, finished, System.nanoTime() - start);
  }

  private Outcome batch(Chunk chunk, long start) {
    List<Message> messages = chunk.messages;
    chunk.claimAll();
    chunk.starting(messages.get(0));
    try {
      run(chunk, messages);
    } catch (Throwable e) {
      return new Outcome(chunk, e, 0, System.nanoTime() - start);
    }
    return new Outcome(chunk, null, messages.size(), System.nanoTime() - start);
  }

  /** Parses and handles {@code messages}: in the route's offset store's transaction when it has one. */
  private void run(Chunk chunk, List<Message> messages) throws Exception {
    OffsetStore store = chunk.work.route.offsetStore();
    if (store == null) {
      handle(chunk, parseAll(chunk.work.route, messages));
      return;
    }
    store.process(new StoredWork(groupId, chunk.work.partition, messages, fresh -> {
      if (!fresh.isEmpty()) {
        handle(chunk, parseAll(chunk.work.route, fresh));
      }
    }));
  }

  private List<Params> parseAll(Route route, List<Message> messages) {
    List<Params> params = new ArrayList<>(messages.size());
    for (Message message : messages) {
      params.add(parse(route, message));
    }
    return params;
  }

  /** Callbacks per message (an aborted one is dropped), then perform and respond, or enqueue. */
  private void handle(Chunk chunk, List<Params> params) throws Exception {
    FrameworkAccess.Controllers access = FrameworkAccess.controllers();
    PartitionWork work = chunk.work;
    Controller controller = chunk.handlers.controller();
    access.bind(controller, work.route, params);
    List<Params> kept = new ArrayList<>(params.size());
    for (Params each : params) {
      if (access.beforeEnqueue(controller, each) == BeforeEnqueue.Decision.PROCEED) {
        kept.add(each);
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    if (kept.size() != params.size()) {
      access.keep(controller, kept);
    }
    Route route = work.route;
    if (route.transactional()) {
      inTransaction(work, chunk.handlers, kept, params.get(params.size() - 1).message());
    } else if (route.inlineMode()) {
      access.perform(controller);
      List<Object[]> respondWith = access.responses(controller);
      Responder responder = chunk.handlers.responder();
      if (!respondWith.isEmpty() && responder != null) {
        responses.deliver(route.topic(), responder, route.parser(), respondWith);
      }
    } else {
      enqueuer.enqueue(route, access.worker(controller), access.queue(controller), kept);
    }
  }

  /** Responses, or the job, and the consumed offset in one Kafka transaction of the partition's producer. */
  private void inTransaction(PartitionWork work, PartitionWork.Handlers handlers, List<Params> kept, Message last)
      throws Exception {
    FrameworkAccess.Controllers access = FrameworkAccess.controllers();
    Controller controller = handlers.controller();
    Responder responder = handlers.responder();
    Route route = work.route;
    List<PendingMessage> messages;
    String queue = null;
    if (route.inlineMode()) {
      access.perform(controller);
      List<Object[]> respondWith = access.responses(controller);
      messages = respondWith.isEmpty() || responder == null ? List.of()
          : responses.prepare(responder, route.parser(), respondWith);
    } else {
      queue = access.queue(controller) != null ? access.queue(controller) : route.queue();
      messages = List.of(enqueuer.job(route, queue, kept));
    }
    work.transactions(client, client.config().clientId()).inTransaction(tx -> {
      for (PendingMessage message : messages) {
        tx.produce(message.topic(), message.value(), message.options());
      }
      tx.sendOffsets(groupId, last.topic(), last.partition(), last.offset() + 1);
    });
    if (queue != null) {
      enqueuer.enqueued(route, queue, kept.get(0));
    }
  }

  private Params parse(Route route, Message message) {
    Params params = Params.parse(route.topic(), message, route.parser());
    Exception error = params.parseError();
    if (error != null) {
      instrumentation.error(ChunkPerformer.class, "parser", error, EventKeys.TOPIC, route.topic(),
          EventKeys.PARTITION, message.partition(), EventKeys.OFFSET, message.offset());
    }
    return params;
  }
}
