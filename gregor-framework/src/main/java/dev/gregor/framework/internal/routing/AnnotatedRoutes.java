package dev.gregor.framework.internal.routing;

import dev.gregor.framework.Controller;
import dev.gregor.framework.Parser;
import dev.gregor.framework.Responder;
import dev.gregor.framework.Route;
import dev.gregor.framework.Topic;
import java.util.List;
import java.util.function.Supplier;

/** A {@link Topic} annotation as the route DSL's calls: the same immutable route either way. */
public final class AnnotatedRoutes {
  private AnnotatedRoutes() {}

  public static void apply(Topic topic, Class<? extends Controller> controller, Route.Builder route, List<String> problems) {
    String where = "route '" + topic.value() + "' (@Topic on " + controller.getSimpleName() + ")";
    route.controller(controller);
    if (!topic.group().isEmpty()) {
      route.group(topic.group());
    }
    if (!topic.queue().isEmpty()) {
      route.queue(topic.queue());
    }
    if (topic.parser() != Parser.class) {
      Supplier<Parser> parser = Instantiation.factory(topic.parser(), where + ": parser", problems);
      if (parser != null) {
        try {
          route.parser(parser.get());
        } catch (RuntimeException e) {
          problems.add(where + ": parser " + topic.parser().getName() + " could not be made: " + e.getMessage());
        }
      }
    }
    if (topic.responder() != Responder.class) {
      route.responder(topic.responder());
    }
    if (topic.inlineMode().length > 0) {
      route.inlineMode(topic.inlineMode()[0]);
    }
    if (topic.batchMode().length > 0) {
      route.batchMode(topic.batchMode()[0]);
    }
  }
}
