package dev.gregor.bench.internal.framework;

import dev.gregor.bench.internal.consumer.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The baseline of the KEY rows: Confluent's parallel consumer doing the same work per record. Its last
 * release (0.5.3.3) fails on kafka-clients 4 (it uses classes 4.0 removed), so it runs in a class loader of
 * its own with kafka-clients 3.9.1 ({@code target/pc-lib}) and the bench's other jars ({@code target/lib}).
 */
final class ParallelConsumerReading {
  private static Method run;

  private ParallelConsumerReading() {}

  static void read(String bootstrap, String topic, String order, int concurrency, long workMillis, Tally tally)
      throws Exception {
    Counting.begin(tally);
    CountDownLatch done = new CountDownLatch(1);
    IntConsumer counted = records -> {
      if (Counting.add(records)) {
        done.countDown();
      }
    };
    Method runner = runner();
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(runner.getDeclaringClass().getClassLoader()); // its ServiceLoader lookups, its threads
    try {
      runner.invoke(null, bootstrap, topic, order, concurrency, workMillis, counted, done,
          Duration.ofMinutes(3).toMillis());
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  private static synchronized Method runner() throws IOException, URISyntaxException, ReflectiveOperationException {
    if (run == null) {
      Path jar = Path.of(ParallelConsumerReading.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path lib = jar.resolveSibling("lib");
      Path pcLib = jar.resolveSibling("pc-lib");
      if (!Files.isDirectory(lib) || !Files.isDirectory(pcLib)) {
        throw new IllegalStateException("parallel-consumer rows run from the packaged bench (./bench): no " + lib
            + " or " + pcLib);
      }
      List<URL> urls = new ArrayList<>();
      for (Path dir : List.of(pcLib, lib)) {
        try (Stream<Path> jars = Files.list(dir)) {
          for (Path each : jars.sorted().toList()) {
            String name = each.getFileName().toString();
            if (dir.equals(pcLib) || !(name.startsWith("kafka-clients-") || name.startsWith("gregor-")
                || name.startsWith("slf4j-simple"))) { // no binding: its INFO lines would flood the report
              urls.add(each.toUri().toURL());
            }
          }
        }
      }
      ClassLoader isolated = new RunnerLoader(new URLClassLoader(urls.toArray(URL[]::new),
          ClassLoader.getPlatformClassLoader()));
      run = isolated.loadClass(ParallelConsumerRun.class.getName()).getMethod("run", String.class, String.class,
          String.class, int.class, long.class, IntConsumer.class, CountDownLatch.class, long.class);
    }
    return run;
  }

  /** Defines {@link ParallelConsumerRun} itself, so it links against the isolated jars, not the bench's. */
  private static final class RunnerLoader extends ClassLoader {
    RunnerLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (!name.equals(ParallelConsumerRun.class.getName())) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = ParallelConsumerReading.class.getResourceAsStream("ParallelConsumerRun.class")) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
