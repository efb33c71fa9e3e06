package dev.gregor.cli.internal;

import dev.gregor.client.Partitioner;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * librdkafka's partitioner names, as kcat's {@code -X partitioner=} takes them, mapped onto the
 * client's partitioners. librdkafka, and so kcat, Python, Go and Node clients built on it,
 * defaults to {@code consistent_random} (CRC-32); the Java client to {@code murmur2_random}.
 * The {@code _random} variants spread messages without a key (librdkafka randomly, here with
 * kafka-clients' sticky partitioner); the others hash a missing key as an empty one, which always
 * lands on one partition.
 */
public enum PartitionerName {
  /** CRC-32 of the key; no key hashes as an empty key. */
  CONSISTENT(Partitioner.crc32(), true),
  /** CRC-32 of the key; messages with no or an empty key are spread. librdkafka's default. */
  CONSISTENT_RANDOM((topic, key, count) -> key.length == 0 ? random(count) : Partitioner.crc32().partition(topic, key, count),
      false),
  /** murmur2 of the key, as the Java client; no key hashes as an empty key. */
  MURMUR2(Partitioner.murmur2(), true),
  /** murmur2 of the key; messages with no key are spread. The Java client's default and Gregor's. */
  MURMUR2_RANDOM(Partitioner.murmur2(), false),
  /** Any partition, key or not. */
  RANDOM((topic, key, count) -> random(count), false);

  private final Partitioner partitioner;
  private final boolean hashesMissingKey;

  PartitionerName(Partitioner partitioner, boolean hashesMissingKey) {
    this.partitioner = partitioner;
    this.hashesMissingKey = hashesMissingKey;
  }

  /** Parses librdkafka's name ({@code consistent_random}; a dash works too). */
  public static PartitionerName parse(String name) {
    String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (PartitionerName candidate : values()) {
      if (candidate.name().equals(normalized)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a partitioner; use one of " + names());
  }

  /**
   * The partitioner {@code --partitioner} names, else kcat's {@code -X partitioner=}, else
   * murmur2_random. The {@code partitioner} property is taken out of {@code properties}, because
   * kafka-clients has no such name. Throws {@link IllegalArgumentException} naming the option.
   */
  public static PartitionerName choose(String option, List<PropertyAssignment> properties) {
    String name = option;
    String given = "--partitioner";
    for (Iterator<PropertyAssignment> it = properties.iterator(); it.hasNext(); ) {
      PropertyAssignment property = it.next();
      if (property.key().equals("partitioner")) {
        it.remove();
        if (option == null) {
          name = property.value();
          given = "-X partitioner";
        }
      }
    }
    try {
      return name == null ? MURMUR2_RANDOM : parse(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(given + ": " + e.getMessage(), e);
    }
  }

  /** The names, comma-separated, for help and errors. */
  public static String names() {
    return Arrays.stream(values()).map(PartitionerName::toString).collect(Collectors.joining(", "));
  }

  public Partitioner partitioner() {
    return partitioner;
  }

  /**
   * Whether a message without a key is placed by hashing an empty key, as librdkafka does for
   * these names; the client sends keyless messages to kafka-clients' sticky partitioner otherwise.
   */
  public boolean hashesMissingKey() {
    return hashesMissingKey;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static int random(int count) {
    return ThreadLocalRandom.current().nextInt(count);
  }
}
