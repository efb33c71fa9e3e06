package dev.gregor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** micrometer-registry-statsd is optional: without it gregor-metrics still loads, and StatsdReporter says what to add. */
class OptionalStatsdRegistryTest {

  @Test
  void withoutTheStatsdRegistryTheBinderStillLoads() throws Exception {
    ClassLoader withoutStatsd = new WithoutStatsd(getClass().getClassLoader());
    Class<?> metrics = Class.forName("dev.gregor.metrics.GregorMetrics", true, withoutStatsd);

    assertThat(metrics.getClassLoader()).isSameAs(withoutStatsd);
    assertThat(metrics.getMethods()).isNotEmpty(); // every signature resolves without io.micrometer.statsd
  }

  @Test
  void withoutTheStatsdRegistryBuildingAReporterNamesTheArtifactToAdd() throws Exception {
    Class<?> reporter = Class.forName("dev.gregor.metrics.StatsdReporter", true, new WithoutStatsd(getClass().getClassLoader()));
    Object builder = reporter.getMethod("datadog").invoke(null);
    Method build = builder.getClass().getMethod("build");

    assertThatThrownBy(() -> {
      try {
        build.invoke(builder);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }).isInstanceOf(IllegalStateException.class).hasMessageContaining("io.micrometer:micrometer-registry-statsd");
  }

  /** Defines gregor-metrics' own classes itself and hides Micrometer's StatsD registry from them. */
  private static final class WithoutStatsd extends ClassLoader {
    WithoutStatsd(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("io.micrometer.statsd.")) {
          throw new ClassNotFoundException(name + " (hidden by the test)");
        }
        if (!name.startsWith("dev.gregor.metrics.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }
}
