package dev.gregor.bench.internal.run;

import java.util.Random;

/**
 * Record values for the benchmarks: the same bytes for Gregor and baseline, from a fixed seed,
 * drawn from a small alphabet so that codecs have something to compress (about 2:1), as real
 * JSON or log lines do.
 */
public final class Payloads {
  private static final byte[] ALPHABET = "abcdefghij {}:,\"0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private Payloads() {}

  /** {@code count} distinct values of {@code size} bytes; callers cycle through them. */
  public static byte[][] values(int size, int count) {
    Random random = new Random(42);
    byte[][] values = new byte[count][size];
    for (byte[] value : values) {
      for (int i = 0; i < size; i++) {
        value[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
    }
    return values;
  }
}
