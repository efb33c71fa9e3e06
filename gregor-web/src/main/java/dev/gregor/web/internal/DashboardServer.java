package dev.gregor.web.internal;

import com.sun.net.httpserver.HttpServer;
import dev.gregor.web.internal.kafka.KafkaAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard on the JDK's own HTTP server (module jdk.httpserver): no web framework in the user's class path to
 * clash with theirs, and plenty for a page a second. Requests run on a small pool.
 */
public final class DashboardServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool;
  private final KafkaAccess kafka;
  private final URI url;

  private DashboardServer(HttpServer server, ExecutorService pool, KafkaAccess kafka, URI url) {
    this.server = server;
    this.pool = pool;
    this.kafka = kafka;
    this.url = url;
  }

  /** Binds the port (a port in use is an error naming it) and serves. */
  public static DashboardServer start(DashboardSettings settings) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 64);
    } catch (BindException e) {
      throw new IllegalStateException("Port " + settings.port() + " on " + settings.bindAddress().getHostAddress()
          + " is in use (or not this host's); pick another with --port, or 0 for a free one", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serve on port " + settings.port() + ": " + e.getMessage(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "gregor-web-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    KafkaAccess kafka = new KafkaAccess(settings.config());
    server.createContext("/", new Dispatcher(settings, kafka, Pages.routes(), Clock.systemUTC(),
        server.getAddress().getPort()));
    server.setExecutor(pool);
    server.start();
    String host = settings.bindAddress().isAnyLocalAddress() ? "localhost" : settings.bindAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    URI url = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
    return new DashboardServer(server, pool, kafka, url);
  }

  public URI url() {
    return url;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    kafka.close();
  }
}
