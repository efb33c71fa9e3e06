package dev.gregor.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gregor.client.Message;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A message as one line of JSON: {@code topic}, {@code partition}, {@code offset},
 * {@code timestamp} (epoch ms), {@code key}, {@code value} (UTF-8 text, or base64 or hex; null
 * when absent) and {@code headers} (see {@link JsonHeaders}) — the fields {@code produce --json}
 * reads back. Not thread-safe: one per writer.
 */
public final class MessageJson {
  private final StringWriter buffer = new StringWriter(256);
  private final JsonGenerator generator;
  private final ByteEncoding keyEncoding;
  private final ByteEncoding valueEncoding;

  public MessageJson() {
    this(ByteEncoding.UTF8, ByteEncoding.UTF8);
  }

  /** Keys and values are written in these encodings. */
  public MessageJson(ByteEncoding keyEncoding, ByteEncoding valueEncoding) {
    this.keyEncoding = keyEncoding;
    this.valueEncoding = valueEncoding;
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
      generator.writeStringField("key", keyEncoding.encode(message.key()));
      generator.writeStringField("value", valueEncoding.encode(message.value()));
      JsonHeaders.write(generator, message.headers());
      generator.writeEndObject();
      generator.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toString();
  }
}
