package dev.gregor.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gregor.client.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Headers in JSON lines. Kafka headers are an ordered list in which a name may repeat, so they
 * are read in three forms: an object ({@code {"source": "web"}}, a value may be an array of
 * strings for a repeated name, as kafkajs writes them), a list of pairs
 * ({@code [["tag", "one"], ["tag", "two"]]}, as Python clients write them) or a list of
 * {@code {"key": .., "value": ..}} objects. They are written as an object when every name is
 * unique, else as a list of pairs, which keeps the order of all of them.
 */
final class JsonHeaders {
  private static final String FORMS = "an object of strings such as {\"source\": \"web\"}, or a list such as "
      + "[[\"tag\", \"one\"], [\"tag\", \"two\"]] or [{\"key\": \"tag\", \"value\": \"one\"}]";

  private JsonHeaders() {}

  static List<Message.Header> parse(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<Message.Header> headers = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isArray()) {
          field.getValue().forEach(value -> headers.add(header(field.getKey(), value)));
        } else {
          headers.add(header(field.getKey(), field.getValue()));
        }
      }
      return headers;
    }
    if (!node.isArray()) {
      throw new BadLine("headers must be " + FORMS + ", was " + node);
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode entry = node.get(i);
      if (entry.isArray() && entry.size() == 2 && entry.get(0).isTextual()) {
        headers.add(header(entry.get(0).textValue(), entry.get(1)));
      } else if (entry.isObject() && entry.size() <= 2 && entry.path("key").isTextual()
          && (entry.size() == 1 || entry.has("value"))) {
        headers.add(header(entry.get("key").textValue(), entry.path("value")));
      } else {
        throw new BadLine("headers[" + i + "] must be [\"name\", \"value\"] or {\"key\": \"name\", \"value\": \"value\"}, was "
            + entry + "; headers may be " + FORMS);
      }
    }
    return headers;
  }

  private static Message.Header header(String name, JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return new Message.Header(name, null);
    }
    if (!value.isValueNode()) {
      throw new BadLine("header '" + name + "' must be a string, was " + value);
    }
    return new Message.Header(name, value.asText().getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the field {@code headers}: an object when every name is unique, else a list of [name, value] pairs. */
  static void write(JsonGenerator generator, List<Message.Header> headers) throws IOException {
    generator.writeFieldName("headers");
    boolean unique = uniqueNames(headers);
    if (unique) {
      generator.writeStartObject();
    } else {
      generator.writeStartArray();
    }
    for (Message.Header header : headers) {
      String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
      if (unique) {
        generator.writeStringField(header.name(), value);
      } else {
        generator.writeStartArray();
        generator.writeString(header.name());
        generator.writeString(value);
        generator.writeEndArray();
      }
    }
    if (unique) {
      generator.writeEndObject();
    } else {
      generator.writeEndArray();
    }
  }

  private static boolean uniqueNames(List<Message.Header> headers) {
    Set<String> names = new HashSet<>();
    for (Message.Header header : headers) {
      if (!names.add(header.name())) {
        return false;
      }
    }
    return true;
  }
}
