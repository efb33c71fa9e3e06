package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.KnownNames;
import dev.gregor.cli.internal.ResetTarget;
import dev.gregor.cli.internal.Table;
import dev.gregor.cli.internal.Times;
import dev.gregor.cli.internal.TopicSelection;
import dev.gregor.client.Gregor;
import dev.gregor.client.GroupDescription;
import dev.gregor.client.GroupNotEmpty;
import dev.gregor.client.OffsetReset;
import dev.gregor.client.OffsetResetPlan;
import dev.gregor.client.UnknownGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gregor groups reset-offsets GROUP}: moves a consumer or share group's offsets, showing the plan first. */
@Command(
    name = "reset-offsets",
    sortOptions = false,
    headerHeading = "%n",
    header = "Move a consumer group's committed offsets, or a share group's start offsets",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Moves the committed offsets of GROUP on the --topic partitions (or on every topic it",
        "  has committed, --all-topics) to the earliest or latest offset, the first offset at",
        "  a time, an exact offset (or one per partition: --to-offset 0=120,3=400), or N before",
        "  or after the committed one. A target outside a partition's range is moved to its",
        "  nearest end. Each topic's partitions are committed together, in one request.",
        "",
        "  As with kafka-consumer-groups.sh, nothing changes without --execute: --dry-run prints",
        "  the plan the client works out (the same it applies), one row per partition with the",
        "  committed offset now (CURRENT, - for none) and the new one (NEW). --execute prints",
        "  the same table with the offsets committed.",
        "",
        "  A group with active members is refused, because they would overwrite the new offsets",
        "  with their next commit: stop them first, or --force removes them from the group (they",
        "  rejoin and read from the new offsets). A group that does not exist yet is created.",
        "",
        "  GROUP may be a share group (KIP-932, read by queue consumers and framework workers):",
        "  then its start offsets move, where its members deliver from; what comes before counts",
        "  as acknowledged (CURRENT is the start offset Kafka reports, which can trail the",
        "  acknowledgements). Kafka cannot remove a share group's members, so a share group",
        "  with members is refused even with --force.",
        "",
        "  With --output json: {\"group\", \"executed\", \"partitions\": [{\"topic\", \"partition\",",
        "  \"current\", \"new\"}]}, current -1 for none."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success (the plan was printed, or applied)", "1:usage error",
        "2:a topic or partition does not exist, the group has active members, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  What would reading invoices again from the start do?",
        "    gregor groups reset-offsets billing --topic invoices --to-earliest --dry-run",
        "  Do it:",
        "    gregor groups reset-offsets billing --topic invoices --to-earliest --execute",
        "  Skip everything before 8 o'clock UTC on 31 January, on partitions 0 and 1 only:",
        "    gregor groups reset-offsets billing -t invoices:0,1 --to-datetime 2025-01-31T08:00:00Z --execute",
        "  Read the last hour again:",
        "    gregor groups reset-offsets billing --all-topics --by-duration 1h --execute",
        "  Skip one poison message on partition 3:",
        "    gregor groups reset-offsets billing --topic invoices:3 --shift-by 1 --execute",
        "  Partition 0 to offset 120 and partition 3 to offset 400, in one commit:",
        "    gregor groups reset-offsets billing --topic invoices --to-offset 0=120,3=400 --execute"})
public final class GroupsResetOffsetsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "GROUP", description = "The consumer group.")
  String group;

  @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC[:P,P...]",
      description = "A topic, or some of its partitions (invoices:0,2); repeatable.")
  List<String> topics = new ArrayList<>();

  @Option(names = "--all-topics", description = "Every topic the group has committed offsets for.")
  boolean allTopics;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nTarget (one of):%n")
  Target target;

  /** The --to-... options, of which exactly one is given. */
  static final class Target {
    @Option(names = "--to-earliest", required = true, description = "The oldest offset still stored.")
    boolean earliest;

    @Option(names = "--to-latest", required = true, description = "The end: skip everything not read yet.")
    boolean latest;

    @Option(names = "--to-datetime", required = true, paramLabel = "TIME",
        description = "The first offset at or after TIME: 2025-01-31T08:00:00Z, 2025-01-31T08:00:00.000 (local "
            + "time), 2025-01-31, epoch milliseconds, or -1h.")
    String datetime;

    @Option(names = "--by-duration", required = true, paramLabel = "DURATION", converter = DurationConverter.class,
        description = "The first offset at or after DURATION ago (30m, 1h, 2d, PT1H).")
    Duration byDuration;

    @Option(names = "--to-offset", required = true, paramLabel = "N|P=N,...",
        description = "Offset N in every selected partition, or each partition P its own offset N (one --topic).")
    String offset;

    @Option(names = "--shift-by", required = true, paramLabel = "N",
        description = "N after the committed offset (-N: before it, to read N messages again).")
    Long shiftBy;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nMode (one of):%n")
  Mode mode;

  /** Whether to change anything. */
  static final class Mode {
    @Option(names = "--dry-run", required = true, description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--execute", required = true, description = "Commit the new offsets and print them.")
    boolean execute;
  }

  @Option(names = "--force", description = "Remove the group's active members first instead of refusing.")
  boolean force;

  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  GroupsCommand parent;

  @Override
  public Integer call() {
    OffsetReset reset = reset();
    List<TopicSelection> selections = selections();
    if (reset.target() == OffsetReset.Target.OFFSETS && selections.size() != 1) {
      throw kafkaOptions.usage("--to-offset P=N,... sets the partitions of one topic; name it with one --topic");
    }
    List<OffsetResetPlan> plans = new ArrayList<>();
    try (Gregor kafka = kafkaOptions.connect()) {
      GroupDescription description = describe(kafka);
      if (allTopics) {
        selections = committedTopics(description);
      }
      KnownNames.requireTopics(kafka, selections.stream().map(TopicSelection::topic).distinct().toList());
      boolean share = description != null && description.type().equals("share");
      if (description != null && !description.isEmpty() && (!force || share)) {
        String refusal = kind(description) + " '" + group + "' has " + description.members().size() + " active "
            + (description.members().size() == 1 ? "member" : "members") + " (state " + description.state()
            + (share ? "): Kafka cannot remove a share group's members; stop them first"
                : "): stop them, or add --force to remove them from the group first");
        if (mode.execute) {
          throw new GroupNotEmpty(group, "Refused to reset the offsets: " + refusal, null);
        }
        kafkaOptions.tell("Warning: --execute will be refused: " + refusal);
      }
      List<OffsetReset> resets = selections.stream().map(selection -> forSelection(reset, selection)).toList();
      for (int i = 0; i < selections.size(); i++) { // every topic planned, and so checked, before any moves
        String topic = selections.get(i).topic();
        plans.add(share ? kafka.groups().planShareReset(group, topic, resets.get(i))
            : kafka.groups().planReset(group, topic, resets.get(i)));
      }
      if (mode.execute) {
        for (int i = 0; i < selections.size(); i++) {
          String topic = selections.get(i).topic();
          plans.set(i, applied(plans.get(i), share ? kafka.groups().resetShareOffsets(group, topic, resets.get(i))
              : kafka.groups().resetOffsets(group, topic, resets.get(i))));
        }
      }
      print(plans);
      kafkaOptions.tell(mode.execute ? "Reset the offsets of " + kind(description) + " '" + group + "'"
          : "Dry run: nothing was changed; --execute applies this plan");
    }
    return GregorCommand.EXIT_OK;
  }

  /** The plan with the offsets the cluster really committed (another reset may have moved the range meanwhile). */
  private static OffsetResetPlan applied(OffsetResetPlan plan, Map<Integer, Long> committed) {
    return new OffsetResetPlan(plan.groupId(), plan.topic(), plan.activeMembers(), plan.partitions().stream()
        .map(p -> new OffsetResetPlan.Partition(p.partition(), p.committed(), committed.getOrDefault(p.partition(), p.target())))
        .toList());
  }

  private OffsetReset forSelection(OffsetReset reset, TopicSelection selection) {
    OffsetReset topicReset;
    try {
      topicReset = ResetTarget.forSelection(reset, selection);
    } catch (IllegalArgumentException e) {
      throw kafkaOptions.usage(e.getMessage());
    }
    return force ? topicReset.force() : topicReset;
  }

  private static String kind(GroupDescription description) {
    return description != null && description.type().equals("share") ? "share group" : "consumer group";
  }

  /** The consumer group, or the share group of that id; null (after saying so) for a group that does not exist. */
  private GroupDescription describe(Gregor kafka) {
    try {
      return kafka.groups().describe(group);
    } catch (UnknownGroup e) {
      if (kafka.groups().listShare().stream().anyMatch(listed -> listed.groupId().equals(group))) {
        return kafka.groups().describeShare(group);
      }
      String close = KnownNames.hint(e.didYouMean());
      kafkaOptions.tell("Consumer group '" + group + "' does not exist yet" + (close.isEmpty() ? "." : close)
          + (mode.execute ? " It is created with these offsets." : " --execute creates it."));
      return null;
    }
  }

  private List<TopicSelection> committedTopics(GroupDescription description) {
    List<TopicSelection> committed = description == null ? List.of() : description.offsets().stream()
        .filter(p -> p.committedOffset() >= 0).map(GroupDescription.PartitionOffset::topic).distinct()
        .map(topic -> new TopicSelection(topic, List.of())).toList();
    if (committed.isEmpty()) {
      throw kafkaOptions.usage("--all-topics: consumer group '" + group + "' has committed no offsets; name topics with --topic");
    }
    return committed;
  }

  private List<TopicSelection> selections() {
    if (allTopics == !topics.isEmpty()) {
      throw kafkaOptions.usage(allTopics ? "--all-topics cannot be combined with --topic" : "name the topics with --topic TOPIC, or use --all-topics");
    }
    List<TopicSelection> selections = new ArrayList<>();
    for (String topic : topics) {
      try {
        selections.add(TopicSelection.parse(topic));
      } catch (IllegalArgumentException e) {
        throw kafkaOptions.usage("--topic: " + e.getMessage());
      }
    }
    return selections;
  }

  private OffsetReset reset() {
    if (target.earliest) {
      return OffsetReset.toEarliest();
    }
    if (target.latest) {
      return OffsetReset.toLatest();
    }
    if (target.datetime != null) {
      try {
        return OffsetReset.toTime(Times.parse(target.datetime, Instant.now(), ZoneId.systemDefault()));
      } catch (IllegalArgumentException e) {
        throw kafkaOptions.usage("--to-datetime: " + e.getMessage());
      }
    }
    if (target.byDuration != null) {
      return OffsetReset.toTime(Instant.now().minus(target.byDuration));
    }
    if (target.offset != null) {
      try {
        return ResetTarget.toOffset(target.offset);
      } catch (IllegalArgumentException e) {
        throw kafkaOptions.usage("--to-offset " + e.getMessage());
      }
    }
    return OffsetReset.shiftBy(target.shiftBy);
  }

  private void print(List<OffsetResetPlan> plans) {
    if (kafkaOptions.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("group", group);
      json.put("executed", mode.execute);
      json.put("partitions", plans.stream().flatMap(plan -> plan.partitions().stream().map(p -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("topic", plan.topic());
        row.put("partition", p.partition());
        row.put("current", p.committed());
        row.put("new", p.target());
        return row;
      })).toList());
      Json.print(kafkaOptions.out(), json);
      return;
    }
    Table table = Table.of("TOPIC", "PARTITION", "CURRENT", "NEW");
    plans.forEach(plan -> plan.partitions().forEach(p ->
        table.row(plan.topic(), p.partition(), p.committed() < 0 ? null : p.committed(), p.target())));
    table.print(kafkaOptions.out(), parent.gregor.coloursOnStdout());
  }
}
