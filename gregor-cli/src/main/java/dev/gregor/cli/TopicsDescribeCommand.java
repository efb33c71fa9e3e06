package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.Table;
import dev.gregor.client.Gregor;
import dev.gregor.client.TopicDescription;
import dev.gregor.client.TopicMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gregor topics describe TOPIC...}: partitions with leaders and replicas, and configs. */
@Command(
    name = "describe",
    sortOptions = false,
    headerHeading = "%n",
    header = "Show the partitions, replicas and configs of topics",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  For each topic: a line with its partition count and replication factor, one row per",
        "  partition with its leader, replicas and in-sync replicas (ISR) as broker ids, and the",
        "  configs set on the topic itself (--all-configs: every config in effect, defaults too).",
        "",
        "  With --output json: one array of {\"topic\", \"internal\", \"partitionCount\",",
        "  \"replicationFactor\", \"partitions\": [{\"partition\", \"leader\", \"replicas\", \"isr\"}],",
        "  \"overrides\": {...}, \"configs\": {...}}; configs holds every config in effect."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error", "2:a topic does not exist, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Leaders and replicas of orders:",
        "    gregor topics describe orders",
        "  Its retention, for a script:",
        "    gregor topics describe orders --output json | jq -r '.[0].configs[\"retention.ms\"]'"})
public final class TopicsDescribeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topics to describe.")
  List<String> topics;

  @Option(names = "--all-configs", description = "Show every config in effect, not only those set on the topic.")
  boolean allConfigs;

  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  TopicsCommand parent;

  @Override
  public Integer call() {
    List<TopicDescription> descriptions = new ArrayList<>();
    try (Gregor kafka = kafkaOptions.connect()) {
      for (String topic : topics) {
        descriptions.add(kafka.topics().describe(topic));
      }
    }
    if (kafkaOptions.json()) {
      Json.print(kafkaOptions.out(), descriptions.stream().map(TopicsDescribeCommand::json).toList());
    } else {
      for (int i = 0; i < descriptions.size(); i++) {
        if (i > 0) {
          kafkaOptions.out().println();
        }
        print(kafkaOptions.out(), descriptions.get(i));
      }
    }
    return GregorCommand.EXIT_OK;
  }

  private void print(PrintWriter out, TopicDescription topic) {
    int partitions = topic.partitionCount();
    out.println("topic " + topic.name() + ": " + partitions + (partitions == 1 ? " partition" : " partitions")
        + ", replication factor " + replicationFactor(topic) + (topic.internal() ? ", internal" : ""));
    boolean colours = parent.gregor.coloursOnStdout();
    Table table = Table.of("PARTITION", "LEADER", "REPLICAS", "ISR");
    for (TopicMetadata.Partition p : sorted(topic)) {
      table.row(p.partition(), p.leader() < 0 ? "none" : p.leader(), ids(p.replicas()), ids(p.inSyncReplicas()));
    }
    table.print(out, colours);
    Map<String, String> configs = allConfigs ? topic.configs() : topic.overrides();
    if (!configs.isEmpty()) {
      Table configTable = Table.of("CONFIG", "VALUE");
      new TreeMap<>(configs).forEach(configTable::row);
      configTable.print(out, colours);
    }
  }

  private static Map<String, Object> json(TopicDescription topic) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("topic", topic.name());
    json.put("internal", topic.internal());
    json.put("partitionCount", topic.partitionCount());
    json.put("replicationFactor", replicationFactor(topic));
    json.put("partitions", sorted(topic).stream().map(p -> {
      Map<String, Object> partition = new LinkedHashMap<>();
      partition.put("partition", p.partition());
      partition.put("leader", p.leader());
      partition.put("replicas", p.replicas());
      partition.put("isr", p.inSyncReplicas());
      return partition;
    }).toList());
    json.put("overrides", new TreeMap<>(topic.overrides()));
    json.put("configs", new TreeMap<>(topic.configs()));
    return json;
  }

  private static int replicationFactor(TopicDescription topic) {
    return topic.partitions().isEmpty() ? 0 : topic.partitions().get(0).replicas().size();
  }

  private static List<TopicMetadata.Partition> sorted(TopicDescription topic) {
    List<TopicMetadata.Partition> partitions = new ArrayList<>(topic.partitions());
    partitions.sort(Comparator.comparingInt(TopicMetadata.Partition::partition));
    return partitions;
  }

  private static String ids(List<Integer> brokers) {
    return brokers.isEmpty() ? "-" : String.join(",", brokers.stream().map(String::valueOf).toList());
  }
}
