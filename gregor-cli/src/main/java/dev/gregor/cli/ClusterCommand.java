package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.Table;
import dev.gregor.client.ClusterMetadata;
import dev.gregor.client.Gregor;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code gregor cluster}: the cluster's id, its brokers and which one is the controller. */
@Command(
    name = "cluster",
    sortOptions = false,
    headerHeading = "%n",
    header = "Show the cluster's id, brokers and controller",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Asks the seed brokers for the cluster's metadata and prints one row per broker:",
        "  its id, host, port and rack, with the controller marked. With --output json it",
        "  prints one JSON object: {\"clusterId\", \"controller\", \"brokers\": [{\"id\", \"host\",",
        "  \"port\", \"rack\", \"controller\"}]}."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error", "2:the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  The brokers of the cluster on localhost:9092:",
        "    gregor cluster",
        "  The broker ids of another cluster, for a script:",
        "    gregor cluster -b kafka1:9092 --output json | jq '.brokers[].id'"})
public final class ClusterCommand implements Callable<Integer> {
  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  GregorCommand gregor;

  @Override
  public Integer call() {
    ClusterMetadata cluster;
    try (Gregor kafka = kafkaOptions.connect()) {
      cluster = kafka.clusterMetadata();
    }
    PrintWriter out = kafkaOptions.command.commandLine().getOut();
    if (kafkaOptions.output == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("clusterId", cluster.clusterId());
      json.put("controller", cluster.controller());
      json.put("brokers", brokers(cluster));
      Json.print(out, json);
    } else {
      out.println("cluster " + cluster.clusterId());
      Table table = Table.of("BROKER", "HOST", "PORT", "RACK", "ROLE");
      for (ClusterMetadata.Broker broker : cluster.brokers()) {
        table.row(broker.id(), broker.host(), broker.port(), broker.rack(),
            broker.id() == cluster.controller() ? "controller" : "broker");
      }
      table.print(out, gregor.coloursOnStdout());
    }
    return GregorCommand.EXIT_OK;
  }

  private static List<Map<String, Object>> brokers(ClusterMetadata cluster) {
    return cluster.brokers().stream().map(broker -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", broker.id());
      json.put("host", broker.host());
      json.put("port", broker.port());
      json.put("rack", broker.rack());
      json.put("controller", broker.id() == cluster.controller());
      return json;
    }).collect(Collectors.toList());
  }
}
