package dev.gregor.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A uniquely numbered record: the {@code seq}-th record a producer wrote for {@code key}
 * (Kafka's verifiable producer numbers values the same way). Its value is {@code key:seq:},
 * padded to the size a scenario asks for, so a reader can always tell which record it got.
 */
public record Sequenced(String key, long seq) {
  private static final byte PADDING = '.';

  /** Checks the producer id and sequence are given. */
  public Sequenced {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty() || key.indexOf(':') >= 0) {
      throw new IllegalArgumentException("key must be non-empty and contain no ':', was '" + key + "'");
    }
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be zero or more, was " + seq);
    }
  }

  /** The value bytes, padded with '.' to at least {@code size} bytes. */
  public byte[] value(int size) {
    byte[] text = (key + ":" + seq + ":").getBytes(StandardCharsets.UTF_8);
    if (text.length >= size) {
      return text;
    }
    byte[] padded = Arrays.copyOf(text, size);
    Arrays.fill(padded, text.length, size, PADDING);
    return padded;
  }

  /** The record a value was written for, or null when the value is not one {@link #value(int)} wrote. */
  public static Sequenced parse(byte[] value) {
    if (value == null) {
      return null;
    }
    int firstColon = indexOf(value, 0);
    int secondColon = firstColon < 1 ? -1 : indexOf(value, firstColon + 1);
    if (secondColon <= firstColon + 1 || secondColon - firstColon > 19) {
      return null;
    }
    long seq = 0;
    for (int i = firstColon + 1; i < secondColon; i++) {
      if (value[i] < '0' || value[i] > '9') {
        return null;
      }
      seq = seq * 10 + (value[i] - '0');
    }
    return new Sequenced(new String(value, 0, firstColon, StandardCharsets.UTF_8), seq);
  }

  private static int indexOf(byte[] value, int from) {
    for (int i = from; i < value.length; i++) {
      if (value[i] == ':') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return key + ":" + seq;
  }
}
