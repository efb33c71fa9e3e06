package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.Table;
import dev.gregor.client.Gregor;
import dev.gregor.client.GroupDescription;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gregor groups describe GROUP...}: committed offsets, lag and members of consumer groups. */
@Command(
    name = "describe",
    sortOptions = false,
    headerHeading = "%n",
    header = "Show the committed offsets, lag and members of consumer groups",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  For each group: a line with its state, type, member count and total lag, then one",
        "  row per partition it reads or committed: the committed offset (- for none), the",
        "  partition's end, the lag between them, and the member it is assigned to. --members",
        "  shows one row per member instead, with the partitions assigned to it.",
        "",
        "  With --output json: one array of {\"group\", \"state\", \"type\", \"assignor\",",
        "  \"coordinator\", \"totalLag\", \"members\": [{\"memberId\", \"groupInstanceId\", \"clientId\",",
        "  \"host\", \"assignment\": {TOPIC: [PARTITION...]}}], \"offsets\": [{\"topic\", \"partition\",",
        "  \"committed\", \"end\", \"lag\"}]}, with -1 for a missing committed offset or lag."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error", "2:a group does not exist, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  How far behind billing is, per partition:",
        "    gregor groups describe billing",
        "  Who reads what:",
        "    gregor groups describe billing --members",
        "  The total lag, for a script:",
        "    gregor groups describe billing --output json | jq '.[0].totalLag'"})
public final class GroupsDescribeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "GROUP", arity = "1..*", description = "The consumer groups to describe.")
  List<String> groups;

  @Option(names = "--members", description = "One row per member, with its assigned partitions, instead of one per partition.")
  boolean members;

  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  GroupsCommand parent;

  @Override
  public Integer call() {
    List<GroupDescription> descriptions = new ArrayList<>();
    try (Gregor kafka = kafkaOptions.connect()) {
      for (String group : groups) {
        descriptions.add(kafka.groups().describe(group));
      }
    }
    PrintWriter out = kafkaOptions.out();
    if (kafkaOptions.json()) {
      Json.print(out, descriptions.stream().map(GroupsDescribeCommand::json).toList());
      return GregorCommand.EXIT_OK;
    }
    for (int i = 0; i < descriptions.size(); i++) {
      if (i > 0) {
        out.println();
      }
      GroupDescription group = descriptions.get(i);
      out.printf(Locale.ROOT, "group %s: %s, %s, %d %s, lag %d%n", group.groupId(), group.state(), group.type(),
          group.members().size(), group.members().size() == 1 ? "member" : "members", group.totalLag());
      (members ? memberTable(group) : offsetTable(group)).print(out, parent.gregor.coloursOnStdout());
    }
    return GregorCommand.EXIT_OK;
  }

  private static Table offsetTable(GroupDescription group) {
    Table table = Table.of("TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "MEMBER", "CLIENT", "HOST");
    for (GroupDescription.PartitionOffset p : group.offsets()) {
      GroupDescription.Member member = group.members().stream()
          .filter(m -> m.assignment().getOrDefault(p.topic(), List.of()).contains(p.partition()))
          .findFirst().orElse(null);
      table.row(p.topic(), p.partition(), p.committedOffset() < 0 ? null : p.committedOffset(), p.endOffset(),
          p.lag() < 0 ? null : p.lag(), member == null ? null : member.memberId(),
          member == null ? null : member.clientId(), member == null ? null : member.host());
    }
    return table;
  }

  private static Table memberTable(GroupDescription group) {
    Table table = Table.of("MEMBER", "INSTANCE", "CLIENT", "HOST", "PARTITIONS");
    for (GroupDescription.Member m : group.members()) {
      List<String> assigned = new ArrayList<>();
      m.assignment().forEach((topic, partitions) -> assigned.add(topic + ":"
          + String.join(",", partitions.stream().map(String::valueOf).toList())));
      assigned.sort(null);
      table.row(m.memberId(), m.groupInstanceId(), m.clientId(), m.host(), assigned.isEmpty() ? null : String.join(" ", assigned));
    }
    return table;
  }

  private static Map<String, Object> json(GroupDescription group) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("group", group.groupId());
    json.put("state", group.state());
    json.put("type", group.type());
    json.put("assignor", group.assignor());
    json.put("coordinator", group.coordinator());
    json.put("totalLag", group.totalLag());
    json.put("members", group.members().stream().map(m -> {
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("memberId", m.memberId());
      member.put("groupInstanceId", m.groupInstanceId());
      member.put("clientId", m.clientId());
      member.put("host", m.host());
      member.put("assignment", new java.util.TreeMap<>(m.assignment()));
      return member;
    }).toList());
    json.put("offsets", group.offsets().stream().map(p -> {
      Map<String, Object> offset = new LinkedHashMap<>();
      offset.put("topic", p.topic());
      offset.put("partition", p.partition());
      offset.put("committed", p.committedOffset());
      offset.put("end", p.endOffset());
      offset.put("lag", p.lag());
      return offset;
    }).toList());
    return json;
  }
}
