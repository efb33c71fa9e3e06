package dev.gregor.framework;

import dev.gregor.framework.internal.FrameworkAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The base of an app's controllers (seed: "Controllers"): {@link #perform()} does the work for
 * {@link #params()} (in batch mode, {@link #batch()}). The framework makes one instance per
 * assigned partition, so fields are never shared across threads; register callbacks in the constructor.
 *
 * <pre>{@code
 * public class UsersController extends Controller {
 *   public UsersController() {
 *     beforeEnqueue(params -> params.parseError() == null ? PROCEED : ABORT);
 *   }
 *
 *   protected void perform() {
 *     respondWith(users.create(params().value(User.class)));
 *   }
 * }
 * }</pre>
 */
public abstract class Controller {
  static {
    FrameworkAccess.install(new ControllerAccess());
  }

  private final List<BeforeEnqueue> callbacks = new ArrayList<>();
  private final List<Object[]> responses = new ArrayList<>();
  private @Nullable Route route;
  private List<Params> batch = List.of();
  private @Nullable Worker worker;
  private @Nullable String queue;

  /** For subclasses; the framework makes instances with the route's factory. */
  protected Controller() {}

  /** The work for {@link #params()} or {@link #batch()}; a throw goes to the route's error policy. */
  protected abstract void perform() throws Exception;

  /** Runs when a worker gives up on this controller's job after its last attempt; does nothing by default. */
  protected void afterFailure() {}

  /**
   * Called every {@code tick} interval of the route for each assigned partition, also when no message comes:
   * for periodic work such as flushing what {@link #perform()} gathered. {@link #batch()} is empty here.
   */
  protected void tick() throws Exception {}

  /** Adds a callback run before the message is performed or enqueued, after those added before it. */
  protected final void beforeEnqueue(BeforeEnqueue callback) {
    callbacks.add(Objects.requireNonNull(callback, "callback"));
  }

  /** The message being handled; in batch mode the last of the batch. */
  protected final Params params() {
    if (batch.isEmpty()) {
      throw new IllegalStateException("params() is available while the framework runs this controller");
    }
    return batch.get(batch.size() - 1);
  }

  /** The messages being handled: the batch in batch mode, otherwise the one message. */
  protected final List<Params> batch() {
    return batch;
  }

  /** The route this controller serves. */
  protected final Route route() {
    if (route == null) {
      throw new IllegalStateException("route() is available while the framework runs this controller");
    }
    return route;
  }

  /** Hands {@code data} to the route's responder once {@link #perform()} returns (seed: {@code respond_with}). */
  protected final void respondWith(Object... data) {
    if (route != null && route.responder() == null) {
      throw new IllegalStateException("route '" + route.topic() + "' has no responder: add responder(...) to it");
    }
    responses.add(data.clone());
  }

  /** Picks a custom worker for the message being handled (seed: "Dynamic worker selection"); in a callback. */
  protected final void worker(Worker worker) {
    this.worker = Objects.requireNonNull(worker, "worker");
    this.queue = null;
  }

  /** Picks the Kafka jobs topic for the message being handled; in a callback. */
  protected final void queue(String queue) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.worker = null;
  }

  private static final class ControllerAccess implements FrameworkAccess.Controllers {
    @Override
    public void bind(Controller controller, Route route, List<Params> params) {
      controller.route = route;
      controller.batch = List.copyOf(params);
      controller.responses.clear();
      controller.worker = null;
      controller.queue = null;
    }

    @Override
    public void keep(Controller controller, List<Params> params) {
      controller.batch = List.copyOf(params);
    }

    @Override
    public BeforeEnqueue.Decision beforeEnqueue(Controller controller, Params params) throws Exception {
      for (BeforeEnqueue callback : controller.callbacks) {
        if (callback.apply(params) == BeforeEnqueue.Decision.ABORT) {
          return BeforeEnqueue.Decision.ABORT;
        }
      }
      return BeforeEnqueue.Decision.PROCEED;
    }

    @Override
    public void perform(Controller controller) throws Exception {
      controller.perform();
    }

    @Override
    public void tick(Controller controller, Route route) throws Exception {
      bind(controller, route, List.of());
      controller.tick();
    }

    @Override
    public void afterFailure(Controller controller) {
      controller.afterFailure();
    }

    @Override
    public List<Object[]> responses(Controller controller) {
      return List.copyOf(controller.responses);
    }

    @Override
    public @Nullable Worker worker(Controller controller) {
      return controller.worker;
    }

    @Override
    public @Nullable String queue(Controller controller) {
      return controller.queue;
    }
  }
}
