package dev.gregor.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * JSON-lines input: one object per line with {@code value} and optionally {@code key},
 * {@code headers}, {@code partition} and {@code timestamp} (epoch milliseconds or ISO-8601). A
 * string value is sent as its text (or the bytes its base64 or hex stand for), any other JSON
 * value as JSON. {@code topic} and {@code offset}, which {@code consume --output json} prints,
 * are ignored. Headers are read by {@link JsonHeaders}.
 */
public final class JsonLines {
  private static final Set<String> FIELDS = Set.of("key", "value", "headers", "partition", "timestamp", "topic", "offset");

  private final ByteEncoding keyEncoding;
  private final ByteEncoding valueEncoding;

  public JsonLines() {
    this(ByteEncoding.UTF8, ByteEncoding.UTF8);
  }

  /** String keys and values are written in these encodings (base64 or hex carry bytes that are not UTF-8). */
  public JsonLines(ByteEncoding keyEncoding, ByteEncoding valueEncoding) {
    this.keyEncoding = keyEncoding;
    this.valueEncoding = valueEncoding;
  }

  public InputMessage parse(String line) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLine("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLine("expected a JSON object such as {\"key\": \"k\", \"value\": \"v\"}");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new BadLine("unknown field '" + name + "'; the fields are key, value, headers, partition and timestamp");
      }
    }
    return new InputMessage(bytes(node.get("key"), keyEncoding, "key"), bytes(node.get("value"), valueEncoding, "value"),
        JsonHeaders.parse(node.get("headers")),
        partition(node.get("partition")), timestamp(node.get("timestamp")));
  }

  private static byte[] bytes(JsonNode node, ByteEncoding encoding, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return encoding.decode(node.textValue(), field);
    }
    if (encoding != ByteEncoding.UTF8) {
      throw new BadLine(field + " must be a string of " + encoding + " (--" + field + "-encoding " + encoding + "), was " + node);
    }
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Integer partition(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
      throw new BadLine("partition must be a number 0 or more, was " + node);
    }
    return node.intValue();
  }

  private static Instant timestamp(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new BadLine("timestamp must be epoch milliseconds or ISO-8601 such as 2024-05-01T12:00:00Z, was " + node);
    }
  }
}
