package dev.gregor.web.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a page answers: a status, headers and a body. */
public record Response(int status, Map<String, String> headers, byte[] body) {
  /** An HTML page. */
  public static Response html(int status, String html) {
    return new Response(status, Map.of("Content-Type", "text/html; charset=utf-8"),
        html.getBytes(StandardCharsets.UTF_8));
  }

  /** A redirect after a form (303: the browser follows with GET). */
  public static Response redirect(String location) {
    return new Response(303, Map.of("Location", location), new byte[0]);
  }

  /** A file to save, e.g. a message's full value. */
  public static Response download(byte[] bytes, String fileName, String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    return new Response(200, headers, bytes);
  }

  /** This response with one more header. */
  public Response with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, more, body);
  }
}
