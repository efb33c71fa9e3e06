package dev.gregor.chaos;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A {@link Recorder} that writes one line per event, with the wall-clock time, to a stream — for
 * consumers in child processes, whose lines survive a SIGKILL once written. The parent feeds the
 * lines to {@link History#replay(String)}.
 */
public final class Journal implements Recorder {
  static final String PROCESSED = "chaos-processed";
  static final String COMMITTED = "chaos-committed";
  static final String UNDECODABLE = "-";

  private final PrintStream out;

  /** Writes to {@code out}, flushing after every line. */
  public Journal(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void processed(String member, int partition, long offset, Sequenced record) {
    String what = record == null ? UNDECODABLE + " 0" : record.key() + " " + record.seq();
    write(PROCESSED + " " + member + " " + partition + " " + offset + " " + what + " " + nowMicros());
  }

  @Override
  public void committed(String member, int partition, long offset) {
    write(COMMITTED + " " + member + " " + partition + " " + offset + " " + nowMicros());
  }

  private synchronized void write(String line) {
    out.println(line);
    out.flush();
  }

  /** Microseconds since the epoch: one clock for every process on the machine. */
  static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }
}
