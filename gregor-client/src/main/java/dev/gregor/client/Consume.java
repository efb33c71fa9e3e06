package dev.gregor.client;

/**
 * How the group-less {@link Gregor#eachMessage(String, Consume, MessageHandler)} reads: from the
 * beginning (the default, as the console consumer's {@code --from-beginning}) or the end, and
 * whether it returns at the end of the partitions (kcat {@code -e}), and whether it skips aborted
 * transactions.
 */
public final class Consume {
  private final boolean fromBeginning;
  private final boolean exitAtEnd;
  private final boolean readCommitted;

  private Consume(boolean fromBeginning, boolean exitAtEnd, boolean readCommitted) {
    this.fromBeginning = fromBeginning;
    this.exitAtEnd = exitAtEnd;
    this.readCommitted = readCommitted;
  }

  /** Every message still in the topic, then new ones. */
  public static Consume fromBeginning() {
    return new Consume(true, false, false);
  }

  /** Only messages written from now on. */
  public static Consume fromEnd() {
    return new Consume(false, false, false);
  }

  /** Returns once every partition's end, as it was when reading started, has been reached. */
  public Consume exitAtEnd() {
    return new Consume(fromBeginning, true, readCommitted);
  }

  /**
   * Reads only committed transactional messages ({@code isolation.level=read_committed}): never
   * those of aborted transactions, and nothing past a transaction still open.
   */
  public Consume readCommitted() {
    return new Consume(fromBeginning, exitAtEnd, true);
  }

  public boolean startsFromBeginning() {
    return fromBeginning;
  }

  public boolean exitsAtEnd() {
    return exitAtEnd;
  }

  /** Whether only committed transactional messages are read (default false: all, as Kafka's default). */
  public boolean readsCommitted() {
    return readCommitted;
  }
}
