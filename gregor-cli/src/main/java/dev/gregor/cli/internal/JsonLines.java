package dev.gregor.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * JSON-lines input: one object per line with {@code value} and optionally {@code key},
 * {@code headers} (an object of strings), {@code partition} and {@code timestamp} (epoch
 * milliseconds or ISO-8601). A string value is sent as its text, any other JSON value as JSON.
 * {@code topic} and {@code offset}, which {@code consume --output json} prints, are ignored.
 */
public final class JsonLines {
  private static final Set<String> FIELDS = Set.of("key", "value", "headers", "partition", "timestamp", "topic", "offset");

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
    return new InputMessage(bytes(node.get("key")), bytes(node.get("value")), headers(node.get("headers")),
        partition(node.get("partition")), timestamp(node.get("timestamp")));
  }

  private static byte[] bytes(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.isTextual() ? node.textValue() : node.toString();
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> headers(JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new BadLine("headers must be an object of strings, such as {\"source\": \"web\"}");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (!value.isNull() && !value.isValueNode()) {
        throw new BadLine("header '" + field.getKey() + "' must be a string, was " + value);
      }
      headers.put(field.getKey(), value.isNull() ? null : value.asText());
    });
    return headers;
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
