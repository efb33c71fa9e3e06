package dev.gregor.cli.internal;

import dev.gregor.framework.App;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finds an app for the app commands (seed: the CLI boots {@code karafka.rb}): a class on the given class
 * path that is a {@code Supplier<App>} (or of {@code App.Builder}) or has a public static {@code app()}
 * returning either. The app is built (its settings and routes checked), never started.
 */
public final class AppBoot {
  private AppBoot() {}

  /** The built app of {@code className}; {@code classpath} (entries split by the platform separator) may be null. */
  public static App load(String className, String classpath) {
    ClassLoader loader = classpath == null || classpath.isBlank() ? AppBoot.class.getClassLoader()
        : new URLClassLoader(urls(classpath), AppBoot.class.getClassLoader());
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("App class '" + className + "' is not on the class path"
          + (classpath == null ? " (give the app's classes with --classpath, e.g. target/classes)" : " " + classpath)
          + ": " + e, e);
    }
    Object made = make(type);
    if (made instanceof App.Builder builder) {
      return builder.build();
    }
    if (made instanceof App app) {
      return app;
    }
    throw new IllegalArgumentException("App class '" + className + "' made " + (made == null ? "null"
        : "a " + made.getClass().getName()) + ", not an App or App.Builder");
  }

  private static Object make(Class<?> type) {
    try {
      if (Supplier.class.isAssignableFrom(type)) {
        return ((Supplier<?>) type.getDeclaredConstructor().newInstance()).get();
      }
      Method app = type.getMethod("app");
      if (Modifier.isStatic(app.getModifiers())) {
        return app.invoke(null);
      }
    } catch (NoSuchMethodException e) {
      // explained below
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime
          : new IllegalArgumentException("App class '" + type.getName() + "' failed to make its app: " + e.getCause(),
              e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("App class '" + type.getName() + "' could not be made: " + e, e);
    }
    throw new IllegalArgumentException("App class '" + type.getName() + "' has no public static app() and is no "
        + "Supplier<App>: give it 'public static App.Builder app() { return App.builder().setup(...).routes(...); }'");
  }

  private static URL[] urls(String classpath) {
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("--classpath entry '" + entry + "' does not exist");
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--classpath entry '" + entry + "' is not a path: " + e.getMessage(), e);
      }
    }
    return urls.toArray(URL[]::new);
  }
}
