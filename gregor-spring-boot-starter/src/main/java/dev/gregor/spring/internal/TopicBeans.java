package dev.gregor.spring.internal;

import dev.gregor.framework.Controller;
import dev.gregor.framework.Routes;
import dev.gregor.framework.Topic;
import java.util.function.Supplier;
import org.springframework.beans.factory.ListableBeanFactory;

/** Routes every controller bean annotated with {@link Topic}, each made by the context (a prototype bean: one per partition). */
public final class TopicBeans {
  private TopicBeans() {}

  public static void draw(Routes.Builder routes, ListableBeanFactory beans) {
    for (String name : beans.getBeanNamesForAnnotation(Topic.class)) {
      Class<?> type = beans.getType(name);
      if (type != null && Controller.class.isAssignableFrom(type)) {
        route(routes, beans, name, type.asSubclass(Controller.class));
      }
    }
  }

  private static <C extends Controller> void route(Routes.Builder routes, ListableBeanFactory beans, String name,
      Class<C> type) {
    Supplier<C> bean = () -> beans.getBean(name, type);
    routes.annotated(type, bean);
  }
}
