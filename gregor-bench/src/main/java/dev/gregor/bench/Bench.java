package dev.gregor.bench;

import dev.gregor.bench.internal.run.BenchRun;
import dev.gregor.bench.internal.run.Catalog;
import dev.gregor.bench.internal.run.Profile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark harness: starts an embedded broker, runs Gregor and its baselines side by side
 * (interleaved, after a warm-up), prints a table of medians and ratios and writes
 * {@code results.csv}, {@code results.json} and {@code ratios.png}.
 *
 * <pre>{@code
 * ./bench --profile quick                 # about three minutes
 * ./bench --profile full --groups producer
 * }</pre>
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, exitCodeOnInvalidInput = 1,
    description = "Runs Gregor against raw kafka-clients and external peers on one embedded broker and "
        + "reports medians and ratios (above 1.00x: Gregor better).")
public final class Bench implements Callable<Integer> {
  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "quick",
      description = "quick (about 3 minutes), full (the README's run) or tiny (a smoke test). Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--groups", paramLabel = "G", split = ",",
      description = "Scenario groups to run, comma-separated. Default: all of ${COMPLETION-CANDIDATES}.",
      completionCandidates = GroupNames.class)
  List<String> groups;

  @Option(names = "--only", paramLabel = "REGEX",
      description = "Only scenarios whose 'group/name vs baseline' contains a match, e.g. 'lz4|keyed'.")
  String only;

  @Option(names = "--broker", paramLabel = "MODE", defaultValue = "child-jvm",
      description = "Where the benchmark broker runs: child-jvm (isolated CPU and GC, the default) or in-process.")
  String broker;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
      description = "Where results.csv, results.json, results.md and ratios.png go. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--list", description = "List the scenarios that would run, and exit.")
  boolean list;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the harness with command-line arguments and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the harness; returns 0 when every scenario ran or was skipped with a reason, 1 on a usage error, 2 when one failed. */
  public static int run(String... args) {
    return new CommandLine(new Bench()).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Profile chosen;
    try {
      chosen = Profile.named(profile);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
    }
    if (!broker.equals("child-jvm") && !broker.equals("in-process")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--broker must be child-jvm or in-process, was '" + broker + "'");
    }
    Set<String> chosenGroups = groups == null ? Catalog.groups() : new LinkedHashSet<>(groups);
    if (!Catalog.groups().containsAll(chosenGroups)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--groups must be among " + Catalog.groups() + ", was " + chosenGroups);
    }
    return new BenchRun(chosen, chosenGroups, only == null ? null : Pattern.compile(only), broker.equals("child-jvm"),
        out, list).run(System.out);
  }

  /** The scenario groups, for the help text. */
  static final class GroupNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Catalog.groups().iterator();
    }
  }
}
