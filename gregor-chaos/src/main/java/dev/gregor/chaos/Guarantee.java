package dev.gregor.chaos;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The violations a scenario's promise forbids; {@link Report#assertHolds(Guarantee)} fails on any of them. */
public final class Guarantee {
  /** Idempotent acks=all producing: nothing lost, nothing written twice, order per partition and key kept. */
  public static final Guarantee IDEMPOTENT_PRODUCER =
      forbidding(Violation.LOST, Violation.DUPLICATED_IN_LOG, Violation.REORDERED);
  /**
   * A group consumer's at-least-once: nothing lost, nothing committed before it was processed, and
   * repeats only from the uncommitted tail; repeats themselves are allowed.
   */
  public static final Guarantee AT_LEAST_ONCE_CONSUMER = forbidding(Violation.LOST, Violation.COMMITTED_UNPROCESSED,
      Violation.PROCESSED_AFTER_COMMIT, Violation.REORDERED);
  /** At-least-once, and per key the first processing of each record in offset order (parallel key-ordered consumers). */
  public static final Guarantee KEY_ORDERED_CONSUMER = AT_LEAST_ONCE_CONSUMER.and(Violation.PROCESSED_OUT_OF_KEY_ORDER);
  /** Each record stored once and processed once (transactions read with read_committed). */
  public static final Guarantee EXACTLY_ONCE = forbidding(Violation.values());
  /** Nothing is forbidden: the scenario only reports what happened (acks=1 under hard kills). */
  public static final Guarantee REPORT_ONLY = new Guarantee(EnumSet.noneOf(Violation.class));

  private final Set<Violation> forbidden;

  private Guarantee(Set<Violation> forbidden) {
    this.forbidden = Set.copyOf(forbidden);
  }

  /** A guarantee that forbids exactly these violations. */
  public static Guarantee forbidding(Violation... violations) {
    EnumSet<Violation> set = EnumSet.noneOf(Violation.class);
    for (Violation violation : violations) {
      set.add(Objects.requireNonNull(violation, "violation"));
    }
    return new Guarantee(set);
  }

  /** This guarantee, also forbidding {@code more}. */
  public Guarantee and(Violation... more) {
    EnumSet<Violation> set = forbidden.isEmpty() ? EnumSet.noneOf(Violation.class) : EnumSet.copyOf(forbidden);
    set.addAll(Set.of(more));
    return new Guarantee(set);
  }

  /** Whether this guarantee makes {@code violation} a failure. */
  public boolean forbids(Violation violation) {
    return forbidden.contains(violation);
  }

  @Override
  public String toString() {
    return forbidden.isEmpty() ? "report only"
        : "forbids " + forbidden.stream().sorted().map(Violation::label).collect(Collectors.joining(", "));
  }
}
