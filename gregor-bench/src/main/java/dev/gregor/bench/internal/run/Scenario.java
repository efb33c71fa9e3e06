package dev.gregor.bench.internal.run;

import java.util.List;
import java.util.Objects;

/**
 * One row group of the report: the same work done by Gregor and by a baseline, measured
 * interleaved. A scenario without a baseline (a check, or a number with nothing to compare)
 * has a null {@code baseline}.
 *
 * @param group the section of the report, such as {@code producer}
 * @param name what Gregor does, with the parameters, such as {@code Producer 100B acks=all 1p none}
 * @param baselineName what the baseline is, such as {@code raw KafkaProducer tuned}
 * @param prepare runs once before the warm-up (fills a topic, checks a peer is installed)
 * @param rounds measured rounds without warm-up, for runs that each start a fresh JVM; 0 means the profile's
 */
public record Scenario(String group, String name, String baselineName, List<Metric> metrics, Preparation prepare,
    Trial gregor, Trial baseline, int rounds) {

  public Scenario {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(gregor, "gregor");
    prepare = prepare == null ? () -> { } : prepare;
  }

  /** A throughput scenario with nothing to prepare. */
  public static Scenario throughput(String group, String name, String baselineName, Trial gregor, Trial baseline) {
    return new Scenario(group, name, baselineName, List.of(Metric.THROUGHPUT), null, gregor, baseline, 0);
  }

  /** This scenario, with {@code prepare} run before it. */
  public Scenario preparedBy(Preparation preparation) {
    return new Scenario(group, name, baselineName, metrics, preparation, gregor, baseline, rounds);
  }

  /** {@code group/name}, what {@code --only} matches. */
  public String id() {
    return group + "/" + name + (baselineName == null ? "" : " vs " + baselineName);
  }

  /** Work before the measured runs. */
  @FunctionalInterface
  public interface Preparation {
    void run() throws Exception;
  }
}
