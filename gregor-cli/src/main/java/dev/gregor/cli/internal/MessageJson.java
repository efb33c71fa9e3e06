package dev.gregor.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gregor.client.Message;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as one line of JSON: {@code topic}, {@code partition}, {@code offset},
 * {@code timestamp} (epoch ms), {@code key}, {@code value} (UTF-8 text, null when absent) and
 * {@code headers} (an object; a repeated name keeps its last value) — the fields {@code produce
 * --json} reads back. Not thread-safe: one per writer.
 */
public final class MessageJson {
  private final StringWriter buffer = new StringWriter(256);
  private final JsonGenerator generator;

  public MessageJson() {
    try {
      generator = Json.MAPPER.getFactory().createGenerator(buffer);
      generator.setRootValueSeparator(null); // one object per call, with nothing between
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String format(Message message) {
    buffer.getBuffer().setLength(0);
    try {
      generator.writeStartObject();
      generator.writeStringField("topic", message.topic());
      generator.writeNumberField("partition", message.partition());
      generator.writeNumberField("offset", message.offset());
      generator.writeNumberField("timestamp", message.timestamp().toEpochMilli());
      generator.writeStringField("key", utf8(message.key()));
      generator.writeStringField("value", utf8(message.value()));
      generator.writeObjectFieldStart("headers");
      if (!message.headers().isEmpty()) {
        Map<String, String> headers = new LinkedHashMap<>();
        message.headers().forEach(header -> headers.put(header.name(), utf8(header.value())));
        for (Map.Entry<String, String> header : headers.entrySet()) {
          generator.writeStringField(header.getKey(), header.getValue());
        }
      }
      generator.writeEndObject();
      generator.writeEndObject();
      generator.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toString();
  }

  private static String utf8(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
