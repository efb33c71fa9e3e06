package dev.gregor.spring.internal;

import dev.gregor.framework.App;
import dev.gregor.framework.Route;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Refuses routes whose controller or responder class is a singleton bean: the framework makes one controller per
 * partition and never shares one between threads, so a shared instance would break that, and an instance the
 * framework makes by itself would miss the bean's injected dependencies.
 */
public final class ControllerScopes {
  private ControllerScopes() {}

  public static void check(App app, ListableBeanFactory beans) {
    List<String> problems = new ArrayList<>();
    for (Route route : app.routes().all()) {
      check(route, "controller", route.controller(), beans, problems);
      if (route.responder() != null) {
        check(route, "responder", route.responder(), beans, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Gregor routes use singleton beans (" + problems.size() + "):\n  - "
          + String.join("\n  - ", problems));
    }
  }

  private static void check(Route route, String role, Class<?> type, ListableBeanFactory beans, List<String> problems) {
    for (String name : beans.getBeanNamesForType(type, true, false)) {
      if (beans.isSingleton(name)) {
        problems.add("route '" + route.topic() + "': " + role + " bean '" + name + "' (" + type.getName()
            + ") is a singleton; the framework makes one " + role + " per partition: declare it "
            + "@Scope(\"prototype\") (and in a GregorRoutes bean route it with " + role + "(" + type.getSimpleName()
            + ".class, provider::getObject), provider an ObjectProvider<" + type.getSimpleName() + ">)");
      }
    }
  }
}
