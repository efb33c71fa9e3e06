package dev.gregor.spring;

import dev.gregor.framework.Controller;
import dev.gregor.framework.Parser;
import dev.gregor.framework.Routes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/** Test beans: a service that records what controllers received, a prototype controller using it, and its route. */
final class Recording {
  private Recording() {}

  /** A singleton service the controller bean gets injected; a message "slow" waits for {@link #release()}. */
  static final class Received {
    private final List<String> values = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);

    void record(String value) throws InterruptedException {
      if (value.equals("slow")) {
        gate.await();
      }
      values.add(value);
    }

    List<String> values() {
      return values;
    }

    void release() {
      gate.countDown();
    }
  }

  /** A controller with a constructor dependency, as a Spring bean. */
  static final class RecordingController extends Controller {
    private final Received received;

    RecordingController(Received received) {
      this.received = received;
    }

    @Override
    protected void perform() throws InterruptedException {
      received.record(String.valueOf(params().rawString()));
    }
  }

  /** Routes the topic in property {@code test.topic} to the prototype controller bean. */
  @Configuration(proxyBeanMethods = false)
  static class Routing {
    @Bean
    Received received() {
      return new Received();
    }

    @Bean
    @Scope("prototype")
    RecordingController recordingController(Received received) {
      return new RecordingController(received);
    }

    @Bean
    GregorRoutes recordingRoutes(@Value("${test.topic}") String topic, ObjectProvider<RecordingController> controllers) {
      return (Routes.Builder routes) -> routes.topic(topic, route -> route.controller(RecordingController.class,
          controllers::getObject).parser(Parser.text()));
    }
  }
}
