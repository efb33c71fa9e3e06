package dev.gregor.framework;

import dev.gregor.framework.internal.JsonParser;
import dev.gregor.framework.internal.RawParser;
import dev.gregor.framework.internal.TextParser;
import org.jspecify.annotations.Nullable;

/**
 * Turns a message's bytes into a value and a responder's value into bytes (seed: "Parser"). A
 * parse failure never stops the flow: the controller gets the raw message and the error.
 */
public interface Parser {
  /** The value of {@code data}; throw when it cannot be parsed (the controller then sees {@link Params#parseError()}). */
  @Nullable Object parse(byte[] data) throws Exception;

  /** The bytes a responder sends for {@code value}. */
  byte[] generate(@Nullable Object value);

  /** {@code parsed} as {@code type}; the default only casts, the JSON parser maps objects onto records and classes. */
  default <T> @Nullable T convert(@Nullable Object parsed, Class<T> type) {
    return type.cast(parsed);
  }

  /**
   * JSON with Jackson, the default (seed: Karafka::Parsers::Json): objects parse to {@code Map},
   * arrays to {@code List}; a {@code String} or {@code byte[]} is sent as it is, anything else as JSON.
   */
  static Parser json() {
    return JsonParser.INSTANCE;
  }

  /** The bytes as they are: parses to the {@code byte[]}, generates a {@code byte[]} or a string's UTF-8. */
  static Parser raw() {
    return RawParser.INSTANCE;
  }

  /** UTF-8 text: parses to a {@code String}, generates {@code toString()}'s bytes. */
  static Parser text() {
    return TextParser.INSTANCE;
  }
}
