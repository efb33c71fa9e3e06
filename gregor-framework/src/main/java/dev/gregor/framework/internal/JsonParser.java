package dev.gregor.framework.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.framework.Parser;
import java.nio.charset.StandardCharsets;

/** {@link Parser#json()}: Jackson's natural mapping, one shared thread-safe mapper. */
public final class JsonParser implements Parser {
  public static final JsonParser INSTANCE = new JsonParser();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonParser() {}

  @Override
  public Object parse(byte[] data) throws Exception {
    return MAPPER.readValue(data, Object.class);
  }

  @Override
  public byte[] generate(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof CharSequence text) {
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot generate JSON from a " + value.getClass().getName() + ": "
          + e.getOriginalMessage(), e);
    }
  }

  @Override
  public <T> T convert(Object parsed, Class<T> type) {
    return type.isInstance(parsed) ? type.cast(parsed) : MAPPER.convertValue(parsed, type);
  }

  @Override
  public String toString() {
    return "json";
  }
}
