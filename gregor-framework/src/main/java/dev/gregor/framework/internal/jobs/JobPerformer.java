package dev.gregor.framework.internal.jobs;

import dev.gregor.client.EventKeys;
import dev.gregor.client.Message;
import dev.gregor.client.TimedEvent;
import dev.gregor.framework.Controller;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.Params;
import dev.gregor.framework.Route;
import dev.gregor.framework.Routes;
import dev.gregor.framework.internal.FrameworkAccess;
import dev.gregor.framework.internal.Instrumentation;
import dev.gregor.framework.internal.reporting.JobStates;
import dev.gregor.framework.internal.responding.ResponseDelivery;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs one job in a worker (the seed's Sidekiq worker calling the controller): finds the route
 * named in the job, decodes the params with its interchanger, makes a controller for the job,
 * performs and responds. On the last attempt a failure calls the controller's {@code afterFailure}. A job deleted
 * from the dashboard is acknowledged without performing.
 */
public final class JobPerformer {
  private static final Logger LOG = LoggerFactory.getLogger(JobPerformer.class);
  private final Routes routes;
  private final ResponseDelivery responses;
  private final Instrumentation instrumentation;

  public JobPerformer(Routes routes, ResponseDelivery responses, Instrumentation instrumentation) {
    this.routes = routes;
    this.responses = responses;
    this.instrumentation = instrumentation;
  }

  /** Performs the job in {@code record}; throws so the queue releases (or, when {@code lastAttempt}, rejects) it. */
  public void perform(Message record, int attempt, boolean lastAttempt, String queue) throws Exception {
    String routeTopic = record.header(JobHeaders.ROUTE);
    Route route = routeTopic == null ? null : routes.find(routeTopic).orElse(null);
    if (route == null) {
      IllegalStateException unknown = new IllegalStateException("Job " + record.header(JobHeaders.ID) + " on queue '"
          + queue + "' names route '" + routeTopic + "', which this app does not have (routes: "
          + routes.all().stream().map(Route::topic).toList() + ")");
      instrumentation.error(JobPerformer.class, "worker", unknown, EventKeys.TOPIC, queue, EventKeys.OFFSET, record.offset());
      throw unknown;
    }
    JobStates jobs = instrumentation.jobs();
    String id = jobId(record);
    if (jobs.isDeleted(id)) {
      LOG.info("Job {} on {}/{}@{} was deleted from the dashboard: acknowledged without performing", id, record.topic(),
          record.partition(), record.offset());
      jobs.skipped(id, route.topic(), record.topic(), record.partition(), record.offset(), attempt);
      return;
    }
    instrumentation.counters().jobStarted();
    jobs.started(id, route.topic(), record.topic(), record.partition(), record.offset(), attempt);
    Throwable failure = null;
    try {
      perform(record, attempt, lastAttempt, queue, route);
    } catch (Exception | Error e) {
      failure = e;
      throw e;
    } finally {
      instrumentation.counters().jobEnded(failure != null);
      jobs.ended(failure == null ? JobStates.State.DONE : lastAttempt ? JobStates.State.REJECTED
          : JobStates.State.FAILED, failure);
    }
  }

  /** The job's id header; where a record lacks it (not enqueued by Gregor), its place on the queue. */
  private static String jobId(Message record) {
    String id = record.header(JobHeaders.ID);
    return id != null ? id : record.topic() + "/" + record.partition() + "@" + record.offset();
  }

  private void perform(Message record, int attempt, boolean lastAttempt, String queue, Route route) throws Exception {
    TimedEvent span = instrumentation.start(JobPerformer.class, FrameworkEvent.WORKER_PERFORM, "perform",
        EventKeys.TOPIC, route.topic(), FrameworkEvent.QUEUE, queue, EventKeys.ATTEMPTS, attempt);
    List<Params> params;
    try {
      params = route.interchanger().decode(record.value() == null ? new byte[0] : record.value(), route.parser());
    } catch (RuntimeException e) {
      span.fail(e);
      instrumentation.error(JobPerformer.class, "interchanger", e, EventKeys.TOPIC, route.topic(),
          FrameworkEvent.QUEUE, queue, EventKeys.OFFSET, record.offset());
      throw e;
    }
    FrameworkAccess.Controllers access = FrameworkAccess.controllers();
    Controller controller = route.newController();
    access.bind(controller, route, params);
    try {
      access.perform(controller);
      List<Object[]> respondWith = access.responses(controller);
      if (!respondWith.isEmpty()) {
        responses.deliver(route.topic(), route.newResponder(), route.parser(), respondWith);
      }
      span.stop();
    } catch (Exception e) {
      span.fail(e);
      instrumentation.error(JobPerformer.class, "worker", e, EventKeys.TOPIC, route.topic(), FrameworkEvent.QUEUE, queue,
          EventKeys.OFFSET, record.offset(), EventKeys.ATTEMPTS, attempt);
      if (lastAttempt) {
        try {
          access.afterFailure(controller);
        } catch (RuntimeException failed) {
          instrumentation.error(JobPerformer.class, "worker", failed, EventKeys.TOPIC, route.topic());
        }
      }
      throw e;
    }
  }
}
