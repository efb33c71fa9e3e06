package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.Table;
import dev.gregor.client.ClusterMetadata;
import dev.gregor.client.ConfigValue;
import dev.gregor.client.Gregor;
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
import picocli.CommandLine.ParentCommand;

/** {@code gregor cluster configs}: a broker's configs, each with where its value comes from. */
@Command(
    name = "configs",
    sortOptions = false,
    headerHeading = "%n",
    header = "Show the brokers' configs and where each value comes from",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Prints, for the --broker given or else for every broker, one row per config: its",
        "  name, the value in effect and its source: dynamic-broker (set at runtime for this",
        "  broker), dynamic-cluster-default (set at runtime for all brokers), static (the",
        "  broker's server.properties) or default (Kafka's own). Secrets such as passwords are",
        "  never sent by the broker and show as (sensitive). --changed leaves out the defaults.",
        "  With --output json: one array of {\"broker\", \"name\", \"value\", \"source\", \"default\",",
        "  \"sensitive\", \"readOnly\"}, value null when sensitive or unset."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error", "2:no broker has the id given, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  What was set on the brokers, by whom:",
        "    gregor cluster configs --changed",
        "  The retention of broker 1:",
        "    gregor cluster configs --broker 1 | grep '^log.retention'"})
public final class ClusterConfigsCommand implements Callable<Integer> {
  @Option(names = "--broker", paramLabel = "ID", description = "Only this broker (its id, as 'gregor cluster' shows).")
  Integer broker;

  @Option(names = "--changed", description = "Only the configs not at Kafka's default.")
  boolean changed;

  @Mixin
  KafkaOptions kafkaOptions;

  @ParentCommand
  ClusterCommand parent;

  @Override
  public Integer call() {
    Map<Integer, Map<String, ConfigValue>> byBroker = new LinkedHashMap<>();
    try (Gregor kafka = kafkaOptions.connect()) {
      List<Integer> ids = broker != null ? List.of(broker)
          : kafka.cluster().brokers().stream().map(ClusterMetadata.Broker::id).toList();
      for (int id : ids) {
        byBroker.put(id, kafka.cluster().brokerConfigs(id)); // an unknown id fails naming the known ones
      }
    }
    PrintWriter out = kafkaOptions.out();
    if (kafkaOptions.json()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      byBroker.forEach((id, configs) -> shown(configs).forEach(c -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("broker", id);
        row.put("name", c.name());
        row.put("value", c.value());
        row.put("source", source(c));
        row.put("default", c.isDefault());
        row.put("sensitive", c.sensitive());
        row.put("readOnly", c.readOnly());
        rows.add(row);
      }));
      Json.print(out, rows);
      return GregorCommand.EXIT_OK;
    }
    boolean first = true;
    for (Map.Entry<Integer, Map<String, ConfigValue>> entry : byBroker.entrySet()) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println("broker " + entry.getKey());
      Table table = Table.of("CONFIG", "VALUE", "SOURCE");
      shown(entry.getValue()).forEach(c -> table.row(c.name(), c.sensitive() ? "(sensitive)" : c.value(), source(c)));
      table.print(out, parent.gregor.coloursOnStdout());
    }
    out.flush();
    return GregorCommand.EXIT_OK;
  }

  private List<ConfigValue> shown(Map<String, ConfigValue> configs) {
    return configs.values().stream().filter(c -> !changed || !c.isDefault()).toList();
  }

  private static String source(ConfigValue config) {
    return switch (config.source()) {
      case STATIC_BROKER -> "static";
      default -> config.source().name().toLowerCase(Locale.ROOT).replace('_', '-');
    };
  }
}
