package dev.gregor.client;

/** Where to start reading a partition: {@link #EARLIEST}, {@link #LATEST} or an exact offset. */
public final class Offset {
  /** The first offset still in the partition. */
  public static final Offset EARLIEST = new Offset(-2);
  /** The end of the partition: only messages written from now on. */
  public static final Offset LATEST = new Offset(-1);

  private final long value;

  private Offset(long value) {
    this.value = value;
  }

  /** Exactly this offset (0 or more). */
  public static Offset at(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset + "; use Offset.EARLIEST or Offset.LATEST");
    }
    return new Offset(offset);
  }

  /** Whether this is {@link #EARLIEST}. */
  public boolean isEarliest() {
    return this == EARLIEST;
  }

  /** Whether this is {@link #LATEST}. */
  public boolean isLatest() {
    return this == LATEST;
  }

  /** The exact offset; only meaningful when neither earliest nor latest. */
  public long value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Offset o && o.value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  @Override
  public String toString() {
    return isEarliest() ? "EARLIEST" : isLatest() ? "LATEST" : Long.toString(value);
  }
}
