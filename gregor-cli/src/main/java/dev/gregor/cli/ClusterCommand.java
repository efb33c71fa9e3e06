package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.Table;
import dev.gregor.client.ClusterMetadata;
import dev.gregor.client.Features;
import dev.gregor.client.Gregor;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code gregor cluster}: the cluster's id, its brokers, which one is the controller, and its feature levels. */
@Command(
    name = "cluster",
    sortOptions = false,
    headerHeading = "%n",
    header = "Show the cluster's id, brokers, controller and features; 'cluster configs' the brokers' configs",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Asks the seed brokers for the cluster's metadata and prints one row per broker:",
        "  its id, host, port and rack, with the controller marked; then one row per feature",
        "  (metadata.version, group.version, ...): the level the cluster runs at, and the",
        "  levels its brokers support. With --output json it prints one JSON object:",
        "  {\"clusterId\", \"controller\", \"brokers\": [{\"id\", \"host\", \"port\", \"rack\",",
        "  \"controller\"}], \"features\": {NAME: {\"level\", \"minSupported\", \"maxSupported\"}}}."},
    commandListHeading = "%nCommands:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error", "2:the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  The brokers of the cluster on localhost:9092:",
        "    gregor cluster",
        "  The configs of broker 1 that are not Kafka's defaults:",
        "    gregor cluster configs --broker 1 --changed",
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
    Features features;
    try (Gregor kafka = kafkaOptions.connect()) {
      cluster = kafka.cluster().describe();
      features = kafka.cluster().features();
    }
    PrintWriter out = kafkaOptions.command.commandLine().getOut();
    if (kafkaOptions.output == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("clusterId", cluster.clusterId());
      json.put("controller", cluster.controller());
      json.put("brokers", brokers(cluster));
      json.put("features", features(features));
      Json.print(out, json);
    } else {
      out.println("cluster " + cluster.clusterId());
      Table table = Table.of("BROKER", "HOST", "PORT", "RACK", "ROLE");
      for (ClusterMetadata.Broker broker : cluster.brokers()) {
        table.row(broker.id(), broker.host(), broker.port(), broker.rack(),
            broker.id() == cluster.controller() ? "controller" : "broker");
      }
      table.print(out, gregor.coloursOnStdout());
      Table featureTable = Table.of("FEATURE", "LEVEL", "SUPPORTED");
      featureNames(features).forEach(name -> {
        Features.Range range = features.supported().get(name);
        featureTable.row(name, features.finalizedLevels().get(name), range == null ? null : range.min() + "-" + range.max());
      });
      out.println();
      featureTable.print(out, gregor.coloursOnStdout());
    }
    return GregorCommand.EXIT_OK;
  }

  private static Set<String> featureNames(Features features) {
    Set<String> names = new TreeSet<>(features.finalizedLevels().keySet());
    names.addAll(features.supported().keySet());
    return names;
  }

  private static Map<String, Object> features(Features features) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (String name : featureNames(features)) {
      Map<String, Object> feature = new LinkedHashMap<>();
      Features.Range range = features.supported().get(name);
      feature.put("level", features.finalizedLevels().get(name));
      feature.put("minSupported", range == null ? null : range.min());
      feature.put("maxSupported", range == null ? null : range.max());
      json.put(name, feature);
    }
    return json;
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
