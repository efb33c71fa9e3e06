package dev.gregor.framework.internal;

import dev.gregor.client.EventKeys;
import dev.gregor.client.Notifications;
import dev.gregor.client.TimedEvent;
import dev.gregor.framework.FrameworkEvent;
import dev.gregor.framework.Monitor;
import dev.gregor.framework.internal.reporting.JobStates;
import dev.gregor.framework.internal.reporting.ProcessCounters;
import dev.gregor.framework.internal.reporting.RecentErrors;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells both the app's {@link Monitor} (the seed's {@code notice} / {@code notice_error}) and the
 * client's notifications bus ({@link FrameworkEvent}s) what the framework does, from one call.
 */
public final class Instrumentation {
  private final Monitor monitor;
  private final Notifications bus;
  private final ProcessCounters counters = new ProcessCounters();
  private final JobStates jobs = new JobStates();
  private final RecentErrors errors;

  /** {@code keepErrors}: keep the last errors for the process's report (when reporting is on). */
  public Instrumentation(Monitor monitor, Notifications bus, boolean keepErrors) {
    this.monitor = monitor;
    this.bus = bus;
    this.errors = new RecentErrors(keepErrors);
  }

  /** A one-off event; {@code action} is what the monitor sees as {@code options.get("action")}. */
  public void event(Class<?> caller, FrameworkEvent kind, String action, Object... keysAndValues) {
    Map<String, Object> payload = payload(keysAndValues);
    notice(caller, action, payload);
    bus.publish(kind, payload);
  }

  /** A timed event around work; the caller stops or fails it. */
  public TimedEvent start(Class<?> caller, FrameworkEvent kind, String action, Object... keysAndValues) {
    Map<String, Object> payload = payload(keysAndValues);
    notice(caller, action, payload);
    return bus.start(kind, payload);
  }

  /** An error with its origin (parser, controller, responder, worker, listener): the monitor's and the bus's. */
  public void error(Class<?> caller, String origin, Throwable error, Object... keysAndValues) {
    errors.add(origin, topicOf(keysAndValues), error);
    try {
      monitor.noticeError(caller, error);
    } catch (RuntimeException e) {
      // A monitor that fails must not turn one error into a stopped app.
    }
    if (bus.wants(FrameworkEvent.ERROR)) {
      Map<String, Object> payload = payload(keysAndValues);
      payload.put(FrameworkEvent.ORIGIN, origin);
      payload.put(EventKeys.EXCEPTION, error.getClass().getName() + ": " + error.getMessage());
      bus.publish(FrameworkEvent.ERROR, payload);
    }
  }

  private void notice(Class<?> caller, String action, Map<String, Object> payload) {
    Map<String, Object> options = new HashMap<>(payload);
    options.put("action", action);
    try {
      monitor.notice(caller, options);
    } catch (RuntimeException e) {
      // as in error(): the monitor is told, never obeyed
    }
  }

  private static Map<String, Object> payload(Object... keysAndValues) {
    Map<String, Object> payload = new HashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        payload.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return payload;
  }

  public Monitor monitor() {
    return monitor;
  }

  /** What this process did, for its report. */
  public ProcessCounters counters() {
    return counters;
  }

  /** The jobs this process's workers run and finished lately, and the ids deleted from the dashboard. */
  public JobStates jobs() {
    return jobs;
  }

  /** This process's last errors, for its report. */
  public RecentErrors errors() {
    return errors;
  }

  private static String topicOf(Object... keysAndValues) {
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      if (EventKeys.TOPIC.equals(keysAndValues[i]) && keysAndValues[i + 1] != null) {
        return String.valueOf(keysAndValues[i + 1]);
      }
    }
    return null;
  }
}
