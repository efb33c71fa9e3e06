package dev.gregor.cli.internal;

import dev.gregor.client.OffsetReset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's {@link OffsetReset} for the {@code --to-offset} forms of {@code groups reset-offsets}
 * (one offset for every partition, or {@code P=N,P=N}), and for one {@code --topic} selection.
 */
public final class ResetTarget {
  private ResetTarget() {}

  /** {@code N} (every selected partition) or {@code P=N[,P=N...]} (each partition its own offset). */
  public static OffsetReset toOffset(String text) {
    if (!text.contains("=")) {
      long offset = number(text, text, "an offset");
      if (offset < 0) {
        throw new IllegalArgumentException("must be 0 or more, was " + offset + "; --shift-by moves back");
      }
      return OffsetReset.toOffset(offset);
    }
    Map<Integer, Long> offsets = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("'" + pair + "' in '" + text + "' is not PARTITION=OFFSET; use 0=120,3=400");
      }
      long partition = number(pair.substring(0, equals), text, "a partition number");
      long offset = number(pair.substring(equals + 1), text, "an offset");
      if (partition < 0 || partition > Integer.MAX_VALUE || offset < 0) {
        throw new IllegalArgumentException("'" + pair + "' in '" + text + "': partitions and offsets are 0 or more");
      }
      if (offsets.put((int) partition, offset) != null) {
        throw new IllegalArgumentException("'" + text + "' names partition " + partition + " twice");
      }
    }
    return OffsetReset.toOffsets(offsets);
  }

  /** {@code target} limited to the partitions {@code selection} names, if it names any. */
  public static OffsetReset forSelection(OffsetReset target, TopicSelection selection) {
    if (selection.partitions().isEmpty()) {
      return target;
    }
    if (target.target() == OffsetReset.Target.OFFSETS) {
      throw new IllegalArgumentException("--to-offset P=N names the partitions; give --topic " + selection.topic()
          + " without ':" + String.join(",", selection.partitions().stream().map(String::valueOf).toList()) + "'");
    }
    return target.partitions(selection.partitions().stream().mapToInt(Integer::intValue).toArray());
  }

  private static long number(String part, String text, String what) {
    try {
      return Long.parseLong(part.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + part + "' in '" + text + "' is not " + what);
    }
  }
}
