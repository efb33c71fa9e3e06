package dev.gregor.cli.internal;

import dev.gregor.client.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * kcat's {@code -f} output format: {@code %t} topic, {@code %p} partition, {@code %o} offset,
 * {@code %k} key, {@code %s} value, {@code %h} headers as {@code name=value,...}, {@code %T}
 * timestamp in epoch milliseconds, {@code %S} and {@code %K} value and key sizes, {@code %%};
 * escapes {@code \n}, {@code \t}, {@code \r}, {@code \\}. As in kcat, no newline is added.
 */
public final class KcatFormat {
  /** One compiled piece of the format. */
  private interface Part {
    void append(StringBuilder out, Message message);
  }

  private final List<Part> parts;

  private KcatFormat(List<Part> parts) {
    this.parts = parts;
  }

  /** Compiles {@code format}, throwing {@link IllegalArgumentException} at an unknown {@code %x}. */
  public static KcatFormat compile(String format) {
    return compile(format, ByteEncoding.UTF8, ByteEncoding.UTF8);
  }

  /** Compiles {@code format} printing {@code %k} and {@code %s} in these encodings (sizes stay in bytes). */
  public static KcatFormat compile(String format, ByteEncoding keyEncoding, ByteEncoding valueEncoding) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if ((c == '%' || c == '\\') && i + 1 < format.length()) {
        char next = format.charAt(++i);
        if (c == '\\') {
          literal.append(escape(next));
          continue;
        }
        if (next == '%') {
          literal.append('%');
          continue;
        }
        Part field = field(next, format, keyEncoding, valueEncoding);
        if (literal.length() > 0) {
          String text = literal.toString();
          parts.add((out, message) -> out.append(text));
          literal.setLength(0);
        }
        parts.add(field);
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      String text = literal.toString();
      parts.add((out, message) -> out.append(text));
    }
    return new KcatFormat(List.copyOf(parts));
  }

  public String format(Message message) {
    StringBuilder out = new StringBuilder(64);
    for (Part part : parts) {
      part.append(out, message);
    }
    return out.toString();
  }

  private static Part field(char name, String format, ByteEncoding keyEncoding, ByteEncoding valueEncoding) {
    switch (name) {
      case 't': return (out, m) -> out.append(m.topic());
      case 'p': return (out, m) -> out.append(m.partition());
      case 'o': return (out, m) -> out.append(m.offset());
      case 'k': return (out, m) -> append(out, keyEncoding.encode(m.key()));
      case 's': return (out, m) -> append(out, valueEncoding.encode(m.value()));
      case 'K': return (out, m) -> out.append(m.key() == null ? -1 : m.key().length);
      case 'S': return (out, m) -> out.append(m.value() == null ? -1 : m.value().length);
      case 'T': return (out, m) -> out.append(m.timestamp().toEpochMilli());
      case 'h': return KcatFormat::appendHeaders;
      default:
        throw new IllegalArgumentException("'%" + name + "' in format '" + format + "' is not a field; use %t %p %o %k %s "
            + "%h %T %K %S or %%");
    }
  }

  private static char escape(char c) {
    switch (c) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case '0': return '\0';
      default: return c;
    }
  }

  private static void appendHeaders(StringBuilder out, Message message) {
    for (int i = 0; i < message.headers().size(); i++) {
      Message.Header header = message.headers().get(i);
      if (i > 0) {
        out.append(',');
      }
      out.append(header.name()).append('=');
      appendUtf8(out, header.value());
    }
  }

  private static void append(StringBuilder out, String text) {
    if (text != null) {
      out.append(text);
    }
  }

  private static void appendUtf8(StringBuilder out, byte[] bytes) {
    if (bytes != null) {
      out.append(new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
