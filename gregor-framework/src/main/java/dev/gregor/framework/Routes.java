package dev.gregor.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.gregor.framework.internal.routing.AnnotatedRoutes;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** An app's routes (seed: {@code App.routes.draw}), validated when the app is built. */
public final class Routes {
  private final List<Route> routes;

  Routes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** Every route, in the order drawn. */
  public List<Route> all() {
    return routes;
  }

  /** Every route in alphabetical order of topic, as the seed's {@code routes} command prints them. */
  public List<Route> sorted() {
    List<Route> sorted = new ArrayList<>(routes);
    sorted.sort(Comparator.comparing(Route::topic));
    return sorted;
  }

  /** The route of a clean topic name. */
  public Optional<Route> find(String topic) {
    return routes.stream().filter(r -> r.topic().equals(topic)).findFirst();
  }

  @Override
  public String toString() {
    return routes.toString();
  }

  /** The routing DSL: {@code routes.topic("videos", route -> route.controller(VideosController.class))}. */
  public static final class Builder {
    private final List<Route.Builder> drawn = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    Builder() {}

    /** Routes {@code topic} (its clean name; the app's topic mapper gives Kafka's) as {@code route} describes. */
    public Builder topic(String topic, Consumer<Route.Builder> route) {
      Route.Builder builder = new Route.Builder(Objects.requireNonNull(topic, "topic"));
      Objects.requireNonNull(route, "route").accept(builder);
      drawn.add(builder);
      return this;
    }

    /**
     * Routes each controller by its {@link Topic} annotation, as {@link #topic} would; a controller without one,
     * or with a parser that cannot be made, is reported when the app is built.
     */
    @SafeVarargs
    public final Builder annotated(Class<? extends Controller>... controllers) {
      for (Class<? extends Controller> controller : controllers) {
        annotated(controller, route -> {});
      }
      return this;
    }

    /**
     * Routes one controller by its {@link Topic} annotation, made by {@code factory} instead of its no-argument
     * constructor (for constructor arguments, or controllers a container such as Spring makes); the factory is
     * called once per partition, as with {@link Route.Builder#controller(Class, Supplier)}.
     */
    public <C extends Controller> Builder annotated(Class<C> controller, Supplier<C> factory) {
      Objects.requireNonNull(factory, "factory");
      return annotated(controller, route -> route.controller(controller, factory));
    }

    private Builder annotated(Class<? extends Controller> controller, Consumer<Route.Builder> then) {
      Topic topic = controller.getAnnotation(Topic.class);
      if (topic == null) {
        problems.add("controller " + controller.getName() + " has no @Topic annotation; annotate it or route it with "
            + "topic(name, route -> route.controller(" + controller.getSimpleName() + ".class))");
        return this;
      }
      return topic(topic.value(), route -> {
        AnnotatedRoutes.apply(topic, controller, route, problems);
        then.accept(route);
      });
    }

    /** Problems found while drawing, reported with the others at build. */
    List<String> problems() {
      return problems;
    }

    List<Route.Builder> drawn() {
      return drawn;
    }
  }
}
