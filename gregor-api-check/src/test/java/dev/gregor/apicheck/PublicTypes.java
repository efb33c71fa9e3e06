package dev.gregor.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The public types of a module's API package, found next to one of them in its jar or classes directory. */
final class PublicTypes {
  private PublicTypes() {}

  /** Every public type (nested ones included) of {@code anchor}'s package, in name order. */
  static List<Class<?>> of(Class<?> anchor) {
    String folder = anchor.getPackageName().replace('.', '/') + "/";
    List<Class<?>> types = new ArrayList<>();
    for (String entry : entries(location(anchor))) {
      if (entry.startsWith(folder) && entry.endsWith(".class") && entry.indexOf('/', folder.length()) < 0
          && !entry.endsWith("package-info.class") && !entry.endsWith("module-info.class")) {
        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        Class<?> type = load(name, anchor.getClassLoader());
        if (isApi(type)) {
          types.add(type);
        }
      }
    }
    types.sort(Comparator.comparing(Class::getName));
    return types;
  }

  /** Public, named, and (when nested) inside types that are themselves API. */
  static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot load " + name, e);
    }
  }

  private static Path location(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> entries(Path location) {
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          return files.filter(Files::isRegularFile).map(f -> location.relativize(f).toString().replace('\\', '/')).toList();
        }
      }
      try (JarFile jar = new JarFile(location.toFile())) {
        return jar.stream().map(e -> e.getName()).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + location, e);
    }
  }
}
