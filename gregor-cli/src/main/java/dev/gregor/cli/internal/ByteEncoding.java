package dev.gregor.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How keys and values are written as text on the command line ({@code --key-encoding},
 * {@code --value-encoding}): UTF-8 text, which cannot carry every byte sequence, or base64 or
 * hex, which carry any bytes. Null (no key, no value) stays null in every encoding.
 */
public enum ByteEncoding {
  UTF8, BASE64, HEX;

  /** The text for {@code bytes}; bytes that are not UTF-8 become replacement characters in UTF8. */
  public String encode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    switch (this) {
      case BASE64: return Base64.getEncoder().encodeToString(bytes);
      case HEX: return HexFormat.of().formatHex(bytes);
      default: return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The bytes {@code text} stands for; {@link BadLine} naming {@code what} (key, value) when it is not this encoding. */
  public byte[] decode(String text, String what) {
    if (text == null) {
      return null;
    }
    try {
      switch (this) {
        case BASE64: return Base64.getDecoder().decode(text.strip());
        case HEX: return HexFormat.of().parseHex(text.strip());
        default: return text.getBytes(StandardCharsets.UTF_8);
      }
    } catch (IllegalArgumentException e) {
      throw new BadLine(what + " is not " + name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
    }
  }

  /** The name the options take: utf8, base64, hex. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
