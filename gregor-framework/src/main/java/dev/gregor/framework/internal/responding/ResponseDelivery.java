package dev.gregor.framework.internal.responding;

import dev.gregor.client.Gregor;
import dev.gregor.client.GregorException;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.TimedEvent;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.Parser;
import dev.gregor.framework.Responder;
import dev.gregor.framework.TopicMapper;
import dev.gregor.client.EventKeys;
import dev.gregor.framework.internal.FrameworkAccess;
import dev.gregor.framework.internal.Instrumentation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends a controller's responses: runs the responder for each {@code respondWith}, validates the
 * whole response, maps topic names, then delivers and waits for every acknowledgement. At most
 * {@code producerPoolSize} responses are in delivery at once (the seed's connection pool).
 */
public final class ResponseDelivery {
  private final Gregor client;
  private final TopicMapper mapper;
  private final Instrumentation instrumentation;
  private final Semaphore pool;
  private final Duration poolTimeout;

  public ResponseDelivery(Gregor client, TopicMapper mapper, Instrumentation instrumentation, int poolSize,
      Duration poolTimeout) {
    this.client = client;
    this.mapper = mapper;
    this.instrumentation = instrumentation;
    this.pool = new Semaphore(poolSize, true);
    this.poolTimeout = poolTimeout;
  }

  /** Runs the responder and validates the whole response; the messages to send, with Kafka's topic names. */
  public List<PendingMessage> prepare(Responder responder, Parser parser, List<Object[]> respondWith) throws Exception {
    List<PendingMessage> messages = new ArrayList<>();
    for (Object[] data : respondWith) {
      List<FrameworkAccess.Response> responses = FrameworkAccess.responders().respond(responder, data);
      ResponseValidation.check(responder, responses);
      for (FrameworkAccess.Response response : responses) {
        messages.add(new PendingMessage(mapper.outgoing(response.topic()), parser.generate(response.data()),
            response.options()));
      }
    }
    return messages;
  }

  /** Validates and delivers; throws {@code InvalidResponse} (nothing sent) or the delivery's failure. */
  public void deliver(String routeTopic, Responder responder, Parser parser, List<Object[]> respondWith) throws Exception {
    List<PendingMessage> messages = prepare(responder, parser, respondWith);
    if (messages.isEmpty()) {
      return;
    }
    TimedEvent span = instrumentation.start(ResponseDelivery.class, FrameworkEvent.RESPOND, "respond",
        EventKeys.TOPIC, routeTopic, FrameworkEvent.RESPONDER, responder.getClass().getName(),
        EventKeys.MESSAGE_COUNT, messages.size());
    if (!pool.tryAcquire(poolTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      GregorException busy = new GregorException("No producer free within producerPoolTimeout ("
          + poolTimeout.toMillis() + " ms) for the response of route '" + routeTopic + "'; raise producerPoolSize", null);
      span.fail(busy);
      throw busy;
    }
    try {
      client.deliverMessages(messages);
      span.stop();
    } catch (RuntimeException e) {
      span.fail(e);
      throw e;
    } finally {
      pool.release();
    }
  }
}
