package dev.gregor.web.internal.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One HTTP request: method, decoded path, query and form parameters, cookies. */
public final class Request {
  /** Forms are small; a bigger body is refused rather than read into memory. */
  private static final int MAX_FORM_BYTES = 64 * 1024;

  private final HttpExchange exchange;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, String> form;
  private final List<String> pathParameters;

  private Request(HttpExchange exchange, String path, Map<String, String> query, Map<String, String> form,
      List<String> pathParameters) {
    this.exchange = exchange;
    this.path = path;
    this.query = query;
    this.form = form;
    this.pathParameters = pathParameters;
  }

  /** Reads the request line, the query and (for a form POST) the body. */
  public static Request read(HttpExchange exchange) throws IOException {
    Map<String, String> form = Map.of();
    if (exchange.getRequestMethod().equals("POST")) {
      try (InputStream body = exchange.getRequestBody()) {
        byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
        if (bytes.length > MAX_FORM_BYTES) {
          throw new BadRequest("a form of more than " + MAX_FORM_BYTES + " bytes");
        }
        form = decode(new String(bytes, StandardCharsets.UTF_8));
      }
    }
    return new Request(exchange, exchange.getRequestURI().getRawPath(), decode(exchange.getRequestURI().getRawQuery()),
        form, List.of());
  }

  /** The same request with the parts of the path a route matched. */
  public Request withPathParameters(List<String> parameters) {
    return new Request(exchange, path, query, form, List.copyOf(parameters));
  }

  /** GET, POST, ... */
  public String method() {
    return exchange.getRequestMethod();
  }

  /** The path as sent (segments still URL-encoded), e.g. {@code /groups/billing%2Feu}. */
  public String path() {
    return path;
  }

  /** The {@code index}th part of the path the route matched (decoded). */
  public String pathParameter(int index) {
    return pathParameters.get(index);
  }

  /** A query parameter, or null. */
  public @Nullable String query(String name) {
    return query.get(name);
  }

  /** A form field, or null. */
  public @Nullable String form(String name) {
    return form.get(name);
  }

  /** A form field that must be there. */
  public String required(String name) {
    String value = form.get(name);
    if (value == null || value.isBlank()) {
      throw new BadRequest("the field '" + name + "' is required");
    }
    return value.trim();
  }

  /** The client's IP address, as the socket says (a proxy in front makes this the proxy's). */
  public String remoteAddress() {
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  /** A request header, or null. */
  public @Nullable String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The value of cookie {@code name}, or null. */
  public @Nullable String cookie(String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
          return pair.substring(equals + 1).trim();
        }
      }
    }
    return null;
  }

  private static Map<String, String> decode(@Nullable String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("a malformed parameter '" + name + "'");
      }
    }
    return Collections.unmodifiableMap(values);
  }
}
