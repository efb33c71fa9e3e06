package dev.gregor.cli;

import dev.gregor.client.ConfigChanges;
import dev.gregor.client.Gregor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gregor topics alter TOPIC}: sets configs of a topic, or resets them to the cluster's defaults. */
@Command(
    name = "alter",
    sortOptions = false,
    headerHeading = "%n",
    header = "Change the configs of a topic",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Sets configs of TOPIC (--set NAME=VALUE) and resets others to the cluster's default",
        "  (--unset NAME); every other config keeps its value. The names of kafka-configs.sh,",
        "  --add-config and --delete-config, work too (one config each). To add partitions, see",
        "  'gregor topics add-partitions'. What changed is reported on standard error."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error",
        "2:the topic does not exist, a config was refused, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Keep messages of orders for an hour:",
        "    gregor topics alter orders --set retention.ms=3600000",
        "  Compact it, and go back to the default segment size:",
        "    gregor topics alter orders --set cleanup.policy=compact --unset segment.bytes"})
public final class TopicsAlterCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TOPIC", description = "The topic to change.")
  String topic;

  @Option(names = {"-s", "--set", "--add-config"}, paramLabel = "NAME=VALUE", description = "Set a config; repeatable.")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = {"-u", "--unset", "--delete-config"}, paramLabel = "NAME",
      description = "Remove the topic's own value of a config, so the cluster's default applies; repeatable.")
  List<String> unset = new ArrayList<>();

  @Mixin
  KafkaOptions kafkaOptions;

  @Override
  public Integer call() {
    ConfigChanges changes = changes();
    try (Gregor kafka = kafkaOptions.connect()) {
      kafka.topics().alterConfigs(topic, changes);
    }
    List<String> done = new ArrayList<>();
    set.forEach((name, value) -> done.add("set " + name + "=" + value));
    unset.forEach(name -> done.add("reset " + name + " to the default"));
    kafkaOptions.tell("Altered topic '" + topic + "': " + String.join(", ", done));
    return GregorCommand.EXIT_OK;
  }

  private ConfigChanges changes() {
    if (set.isEmpty() && unset.isEmpty()) {
      throw kafkaOptions.usage("nothing to change: give --set NAME=VALUE or --unset NAME");
    }
    for (String name : unset) {
      if (set.containsKey(name)) {
        throw kafkaOptions.usage("config " + name + " is both set and unset; choose one");
      }
    }
    ConfigChanges changes = null;
    for (Map.Entry<String, String> entry : set.entrySet()) {
      changes = changes == null ? ConfigChanges.set(entry.getKey(), entry.getValue()) : changes.andSet(entry.getKey(), entry.getValue());
    }
    for (String name : unset) {
      changes = changes == null ? ConfigChanges.delete(name) : changes.andDelete(name);
    }
    return changes;
  }
}
