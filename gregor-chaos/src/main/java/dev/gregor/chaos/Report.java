package dev.gregor.chaos;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the checker found in a {@link History}: counts of records attempted, acknowledged and read,
 * a count and a few examples of each {@link Violation}, and how many unacknowledged records were
 * written anyway (allowed: a failed delivery may still have reached the log).
 */
public final class Report {
  private final String scenario;
  private final long attempted;
  private final long acknowledged;
  private final long read;
  private final long unacknowledgedWritten;
  private final Map<Violation, Long> counts;
  private final Map<Violation, List<String>> examples;

  Report(String scenario, long attempted, long acknowledged, long read, long unacknowledgedWritten,
         Map<Violation, Long> counts, Map<Violation, List<String>> examples) {
    this.scenario = scenario;
    this.attempted = attempted;
    this.acknowledged = acknowledged;
    this.read = read;
    this.unacknowledgedWritten = unacknowledgedWritten;
    this.counts = new EnumMap<>(counts);
    this.examples = new EnumMap<>(examples);
  }

  /** The scenario the report is about. */
  public String scenario() {
    return scenario;
  }

  /** How often {@code violation} happened (records or positions, as {@link Violation} defines it). */
  public long count(Violation violation) {
    return counts.getOrDefault(violation, 0L);
  }

  /** Up to five descriptions of {@code violation}, such as {@code k3:17 acknowledged at 0/412, never processed}. */
  public List<String> examples(Violation violation) {
    return examples.getOrDefault(violation, List.of());
  }

  /** How many messages the producers tried to send. */
  public long attempted() {
    return attempted;
  }

  /** Records that had to arrive: acknowledged by Kafka, or {@linkplain History#expected expected} downstream. */
  public long acknowledged() {
    return acknowledged;
  }

  /** Distinct log positions any consumer processed. */
  public long read() {
    return read;
  }

  /** Records whose delivery was never acknowledged but that consumers found in the log. */
  public long unacknowledgedWritten() {
    return unacknowledgedWritten;
  }

  /** The one-line summary: {@code scenario: attempted=… acked=… read=… lost=0 dup.log=0 … -> PASS}. */
  public String summary(Guarantee guarantee) {
    StringJoiner line = new StringJoiner(" ", scenario + ": ", " -> " + verdict(guarantee));
    line.add("attempted=" + attempted).add("acked=" + acknowledged).add("read=" + read);
    for (Violation violation : Violation.values()) {
      line.add(violation.label() + "=" + count(violation));
    }
    line.add("unacked.written=" + unacknowledgedWritten);
    return line.toString();
  }

  /** PASS, FAIL naming the forbidden violations found, or REPORTED when the guarantee forbids nothing. */
  public String verdict(Guarantee guarantee) {
    StringJoiner broken = new StringJoiner(", ", "FAIL (", ")");
    boolean any = false;
    for (Violation violation : Violation.values()) {
      if (guarantee.forbids(violation) && count(violation) > 0) {
        broken.add(violation.label());
        any = true;
      }
    }
    if (any) {
      return broken.toString();
    }
    return guarantee == Guarantee.REPORT_ONLY ? "REPORTED" : "PASS";
  }

  /** Throws {@link GuaranteeViolated} with the summary and examples if any violation {@code guarantee} forbids happened. */
  public void assertHolds(Guarantee guarantee) {
    StringBuilder message = new StringBuilder();
    for (Violation violation : Violation.values()) {
      if (guarantee.forbids(violation) && count(violation) > 0) {
        message.append("\n  ").append(violation.label()).append('=').append(count(violation)).append(", e.g. ")
            .append(String.join("; ", examples(violation)));
      }
    }
    if (message.length() > 0) {
      throw new GuaranteeViolated(summary(guarantee) + " [" + guarantee + "]" + message);
    }
  }

  @Override
  public String toString() {
    return summary(Guarantee.REPORT_ONLY);
  }
}
