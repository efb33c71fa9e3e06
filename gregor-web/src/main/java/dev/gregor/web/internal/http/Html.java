package dev.gregor.web.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Escaping for text put into HTML and URLs: every value from Kafka or the user goes through here. */
public final class Html {
  private Html() {}

  /** {@code text} safe inside an element or a double-quoted attribute (the only kind the pages write); null as empty. */
  public static String esc(@Nullable Object text) {
    if (text == null) {
      return "";
    }
    String value = text.toString();
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** {@code part} as one URL path segment or query value. */
  public static String url(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
