package dev.gregor.web.internal;

import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.pages.PageContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Maps {@code METHOD /path/{}/...} to pages; {@code {}} matches one path segment, handed over decoded. */
final class Router {
  /** A matched route: the page and the decoded segments its pattern left open. */
  record Match(Function<PageContext, Response> page, List<String> parameters) {}

  private record Entry(String method, String[] pattern, Function<PageContext, Response> page) {}

  private final List<Entry> entries = new ArrayList<>();

  Router get(String pattern, Function<PageContext, Response> page) {
    entries.add(new Entry("GET", segments(pattern), page));
    return this;
  }

  Router post(String pattern, Function<PageContext, Response> page) {
    entries.add(new Entry("POST", segments(pattern), page));
    return this;
  }

  /** The route for {@code method} and the raw (still encoded) {@code path}, or null. */
  @Nullable Match match(String method, String path) {
    String[] parts = segments(path);
    for (Entry entry : entries) {
      if (!entry.method().equals(method) || entry.pattern().length != parts.length) {
        continue;
      }
      List<String> parameters = new ArrayList<>();
      boolean matches = true;
      for (int i = 0; i < parts.length && matches; i++) {
        if (entry.pattern()[i].equals("{}")) {
          parameters.add(URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8));
        } else {
          matches = entry.pattern()[i].equals(parts[i]);
        }
      }
      if (matches) {
        return new Match(entry.page(), parameters);
      }
    }
    return null;
  }

  private static String[] segments(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }
}
