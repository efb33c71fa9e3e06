package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.KnownNames;
import dev.gregor.cli.internal.Table;
import dev.gregor.client.Gregor;
import dev.gregor.client.TopicMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gregor offsets TOPIC...}: the earliest and latest offset of every partition. */
@Command(
    name = "offsets",
    sortOptions = false,
    headerHeading = "%n",
    header = "Show the earliest and latest offset of each partition of topics",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  For each partition: the first offset still stored (EARLIEST), the offset the next",
        "  message will get (LATEST), and how many offsets lie between (MESSAGES; compaction",
        "  and transaction markers make the real count smaller). With --output json it prints",
        "  one JSON array of {\"topic\", \"partition\", \"earliest\", \"latest\", \"messages\"}."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error", "2:a topic does not exist, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  How many messages greetings holds, per partition:",
        "    gregor offsets greetings",
        "  The total, for a script:",
        "    gregor offsets greetings --output json | jq 'map(.messages) | add'"})
public final class OffsetsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topics to show.")
  List<String> topics;

  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  GregorCommand gregor;

  @Override
  public Integer call() {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Gregor kafka = kafkaOptions.connect()) {
      KnownNames.requireTopics(kafka, topics);
      for (String topic : topics) {
        TopicMetadata metadata = kafka.topicMetadata(topic);
        for (TopicMetadata.Partition partition : sorted(metadata)) {
          long earliest = kafka.earliestOffset(topic, partition.partition());
          long latest = kafka.latestOffset(topic, partition.partition());
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("topic", topic);
          row.put("partition", partition.partition());
          row.put("earliest", earliest);
          row.put("latest", latest);
          row.put("messages", latest - earliest);
          rows.add(row);
        }
      }
    }
    PrintWriter out = kafkaOptions.command.commandLine().getOut();
    if (kafkaOptions.output == OutputFormat.JSON) {
      Json.print(out, rows);
    } else {
      Table table = Table.of("TOPIC", "PARTITION", "EARLIEST", "LATEST", "MESSAGES");
      rows.forEach(row -> table.row(row.values().toArray()));
      table.print(out, gregor.coloursOnStdout());
    }
    return GregorCommand.EXIT_OK;
  }

  private static List<TopicMetadata.Partition> sorted(TopicMetadata metadata) {
    List<TopicMetadata.Partition> partitions = new ArrayList<>(metadata.partitions());
    partitions.sort(Comparator.comparingInt(TopicMetadata.Partition::partition));
    return partitions;
  }
}
