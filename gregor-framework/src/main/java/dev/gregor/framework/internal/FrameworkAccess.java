package dev.gregor.framework.internal;

import dev.gregor.client.Produce;
import dev.gregor.framework.BeforeEnqueue;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Params;
import dev.gregor.framework.Responder;
import dev.gregor.framework.Route;
import dev.gregor.framework.Worker;
import java.util.List;
import java.util.Map;

/**
 * What the framework's internals may do to controllers and responders that users may not: bind
 * params, run callbacks, collect responses. The public classes install it when they are loaded.
 */
public final class FrameworkAccess {
  private static volatile Controllers controllers;
  private static volatile Responders responders;

  private FrameworkAccess() {}

  /** The controller side; see {@link Controller}. */
  public interface Controllers {
    /** Binds the controller to a new message or batch: clears responses and any worker picked before. */
    void bind(Controller controller, Route route, List<Params> params);

    /** Narrows the bound batch to the messages the callbacks kept, keeping what they picked. */
    void keep(Controller controller, List<Params> params);

    BeforeEnqueue.Decision beforeEnqueue(Controller controller, Params params) throws Exception;

    void perform(Controller controller) throws Exception;

    void afterFailure(Controller controller);

    /** Runs the controller's periodic {@code tick()}, bound to {@code route} with no messages. */
    void tick(Controller controller, Route route) throws Exception;

    List<Object[]> responses(Controller controller);

    /** The worker a callback picked for this message, or null. */
    Worker worker(Controller controller);

    /** The queue a callback picked for this message, or null. */
    String queue(Controller controller);
  }

  /** A response collected by a responder: where to, what, and how to partition it. */
  public record Response(String topic, Object data, Produce options) {}

  /** The responder side; see {@link Responder}. */
  public interface Responders {
    /** Runs the responder's {@code respond} and returns what it asked to send, not validated yet. */
    List<Response> respond(Responder responder, Object[] data) throws Exception;

    /** Registered topics and their usage: true when required, per topic; and the multiple-usage topics. */
    Map<String, Boolean> required(Responder responder);

    boolean multipleUsage(Responder responder, String topic);
  }

  public static void install(Controllers access) {
    controllers = access;
  }

  public static void install(Responders access) {
    responders = access;
  }

  public static Controllers controllers() {
    if (controllers == null) {
      load(Controller.class);
    }
    return controllers;
  }

  public static Responders responders() {
    if (responders == null) {
      load(Responder.class);
    }
    return responders;
  }

  private static void load(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
