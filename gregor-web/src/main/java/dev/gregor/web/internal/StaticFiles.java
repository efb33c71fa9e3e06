package dev.gregor.web.internal;

import dev.gregor.web.internal.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The dashboard's own stylesheet and icon, and htmx (from its webjar): served from the jar, never from a CDN. */
final class StaticFiles {
  private static final Map<String, String[]> FILES = Map.of(
      "gregor.css", new String[] {"/dev/gregor/web/static/gregor.css", "text/css; charset=utf-8"},
      "favicon.svg", new String[] {"/dev/gregor/web/static/favicon.svg", "image/svg+xml"},
      "htmx.min.js", new String[] {"/META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js",
          "text/javascript; charset=utf-8"});

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  Response serve(String name) {
    String[] file = FILES.get(name);
    if (file == null) {
      return new Response(404, Map.of("Content-Type", "text/plain; charset=utf-8"),
          ("No file " + name).getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = loaded.computeIfAbsent(name, unused -> read(file[0]));
    return new Response(200, Map.of("Content-Type", file[1], "Cache-Control", "max-age=3600"), bytes);
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The dashboard's jar lacks " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
