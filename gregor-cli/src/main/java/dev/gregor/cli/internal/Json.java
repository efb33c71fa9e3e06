package dev.gregor.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** The one JSON mapper of the command line: compact, one document per line, so jq and scripts read it. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** Writes {@code value} (maps, lists, records) as one line of JSON. */
  public static void print(PrintWriter out, Object value) {
    try {
      out.println(MAPPER.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON: " + e.getMessage(), e);
    }
  }
}
