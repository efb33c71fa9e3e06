package dev.gregor.client;

/**
 * How the group-less {@link Gregor#eachMessage(String, Consume, MessageHandler)} reads: from the
 * beginning (the default, as the console consumer's {@code --from-beginning}) or the end, and
 * whether it returns at the end of the partitions (kcat {@code -e}).
 */
public final class Consume {
  private final boolean fromBeginning;
  private final boolean exitAtEnd;

  private Consume(boolean fromBeginning, boolean exitAtEnd) {
    this.fromBeginning = fromBeginning;
    this.exitAtEnd = exitAtEnd;
  }

  /** Every message still in the topic, then new ones. */
  public static Consume fromBeginning() {
    return new Consume(true, false);
  }

  /** Only messages written from now on. */
  public static Consume fromEnd() {
    return new Consume(false, false);
  }

  /** Returns once every partition's end, as it was when reading started, has been reached. */
  public Consume exitAtEnd() {
    return new Consume(fromBeginning, true);
  }

  public boolean startsFromBeginning() {
    return fromBeginning;
  }

  public boolean exitsAtEnd() {
    return exitAtEnd;
  }
}
