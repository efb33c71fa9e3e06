package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.Notification;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

// Seed: "Monitoring and logging", "Example monitor with Errbit/Airbrake support", "Example monitor with NewRelic support".
@EmbeddedKafkaTest
class MonitorTest {
  /** A fake tracking service: records what monitors post to it. */
  private HttpServer endpoint;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startEndpoint() throws IOException {
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/", exchange -> {
      received.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    endpoint.start();
  }

  @AfterEach
  void stopEndpoint() {
    endpoint.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + endpoint.getAddress().getPort() + path;
  }

  /** Posts to the fake service, as Airbrake.notify or NewRelic::Agent.record_metric would. */
  static void post(String url, String body) {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The seed's Airbrake example: log as the default monitor does, and notify the tracker of each error. */
  static final class ErrorTrackerMonitor implements Monitor {
    private final Monitor logging = Monitor.logging(LoggerFactory.getLogger("airbrake-app"));
    private final String url;

    ErrorTrackerMonitor(String url) {
      this.url = url;
    }

    @Override
    public void notice(Class<?> caller, Map<String, Object> options) {
      logging.notice(caller, options);
    }

    @Override
    public void noticeError(Class<?> caller, Throwable error) {
      logging.noticeError(caller, error);
      post(url, caller.getSimpleName() + ": " + error.getMessage());
    }
  }

  /** The seed's NewRelic example: a count per topic and action ("Custom/videos/perform"). */
  static final class MetricsMonitor implements Monitor {
    private final String url;

    MetricsMonitor(String url) {
      this.url = url;
    }

    @Override
    public void notice(Class<?> caller, Map<String, Object> options) {
      Object action = options.get("action");
      if ("perform".equals(action) || "consume".equals(action) || "perform_async".equals(action)) {
        post(url, "Custom/" + options.get("topic") + "/" + action + " count=" + options.get("message_count"));
      }
    }

    @Override
    public void noticeError(Class<?> caller, Throwable error) {
      post(url, "error " + error.getClass().getSimpleName());
    }
  }

  static final class FlakyController extends Controller {
    static final java.util.Set<Long> FAILED_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    protected void perform() {
      if (params().offset() == 1 && FAILED_ONCE.add(params().offset())) {
        throw new IllegalStateException("timeout talking to the billing service");
      }
    }
  }

  @Test
  void aCustomErrorTrackerMonitorIsToldOfEveryErrorAndStillLogs(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    App app = Apps.on(kafka, "airbrake").setup(config -> config.monitor(new ErrorTrackerMonitor(url("/notices"))))
        .routes(routes -> routes.topic(topic, route -> route.controller(FlakyController.class).parser(Parser.text())
            .errorPolicy(ErrorPolicy.retry(3, Duration.ZERO, Duration.ZERO))))
        .build();

    try (app) {
      app.start();
      app.client().deliverMessages(List.of(dev.gregor.client.PendingMessage.of(topic, "a", dev.gregor.client.Produce.options()),
          dev.gregor.client.PendingMessage.of(topic, "b", dev.gregor.client.Produce.options())));
      await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
    }
    assertThat(received).containsExactly("/notices GroupListener: timeout talking to the billing service");
  }

  @Test
  void anApmMonitorCountsWhatWasPerformedPerTopicAndFrameworkEventsReachTheBusInPairs(EmbeddedKafka kafka,
      TestTopics topics) {
    String topic = topics.create(1);
    App app = Apps.on(kafka, "newrelic").setup(config -> config.monitor(new MetricsMonitor(url("/metrics"))))
        .routes(routes -> routes.topic(topic, route -> route.controller(FlakyController.class).parser(Parser.text())))
        .build();
    List<Notification> spans = new CopyOnWriteArrayList<>();

    try (app) {
      app.start();
      app.client().notifications().subscribeSpans(FrameworkEvent.PERFORM, spans::add);
      app.client().deliverMessage(topic, "only");
      await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 1 && spans.size() == 2);
    }
    assertThat(received).containsExactly("/metrics Custom/" + topic + "/perform count=1");
    assertThat(spans).extracting(Notification::phase).containsExactly(Notification.Phase.START, Notification.Phase.STOP);
    assertThat(spans.get(1).payload()).containsEntry("topic", topic).containsEntry("message_count", 1)
        .containsEntry("group_id", "newrelic_" + topic).containsKey("client_id");
  }
}
