package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.Table;
import dev.gregor.client.Gregor;
import dev.gregor.client.GroupListing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code gregor groups list}: every consumer group with its state and type. */
@Command(
    name = "list",
    sortOptions = false,
    headerHeading = "%n",
    header = "List consumer groups with their state and type",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  One row per consumer group: its id, its state (Stable, Empty, PreparingRebalance, ...)",
        "  and its type (classic, or consumer for KIP-848 groups). With --output json: one array",
        "  of {\"group\", \"state\", \"type\"}."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error", "2:the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  gregor groups list",
        "  The ids of the groups without members:",
        "    gregor groups list --output json | jq -r '.[] | select(.state == \"Empty\") | .group'"})
public final class GroupsListCommand implements Callable<Integer> {
  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  GroupsCommand parent;

  @Override
  public Integer call() {
    List<GroupListing> groups;
    try (Gregor kafka = kafkaOptions.connect()) {
      groups = kafka.groups().list();
    }
    if (kafkaOptions.json()) {
      Json.print(kafkaOptions.out(), groups.stream().map(g -> {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("group", g.groupId());
        json.put("state", g.state());
        json.put("type", g.type());
        return json;
      }).toList());
    } else {
      Table table = Table.of("GROUP", "STATE", "TYPE");
      groups.forEach(g -> table.row(g.groupId(), g.state(), g.type()));
      table.print(kafkaOptions.out(), parent.gregor.coloursOnStdout());
    }
    return GregorCommand.EXIT_OK;
  }
}
