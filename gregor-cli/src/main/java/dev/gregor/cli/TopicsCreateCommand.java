package dev.gregor.cli;

import dev.gregor.client.Gregor;
import dev.gregor.client.TopicDescription;
import dev.gregor.client.TopicExists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gregor topics create TOPIC...}: new topics with partitions, replication factor and configs. */
@Command(
    name = "create",
    sortOptions = false,
    headerHeading = "%n",
    header = "Create topics",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Creates each TOPIC and waits until every partition has a leader, so that the next",
        "  command can use it at once. Without --partitions and --replication-factor the",
        "  cluster's defaults (num.partitions, default.replication.factor) apply.",
        "",
        "  Topic configs are --topic-config NAME=VALUE (kafka-topics.sh calls it --config;",
        "  here --config names the client's properties file, as for every gregor command).",
        "  --dry-run asks the cluster to check names, counts, configs and its policy without",
        "  creating anything. What was created is reported on standard error."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:created (or, with --if-not-exists, already there)", "1:usage error",
        "2:a topic exists already, a setting was refused, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  A topic with the cluster's defaults:",
        "    gregor topics create greetings",
        "  Six partitions on three brokers each, kept for a day:",
        "    gregor topics create orders -p 6 -r 3 -c retention.ms=86400000",
        "  A compacted topic, in a script that may run twice:",
        "    gregor topics create users -c cleanup.policy=compact --if-not-exists",
        "  Would the cluster accept it?",
        "    gregor topics create orders -p 1000 --dry-run"})
public final class TopicsCreateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topics to create.")
  List<String> topics;

  @Option(names = {"-p", "--partitions"}, paramLabel = "N", description = "How many partitions. Default: the cluster's num.partitions.")
  Integer partitions;

  @Option(names = {"-r", "--replication-factor"}, paramLabel = "N",
      description = "On how many brokers each partition is kept. Default: the cluster's default.replication.factor.")
  Integer replicationFactor;

  @Option(names = {"-c", "--topic-config"}, paramLabel = "NAME=VALUE",
      description = "A topic config such as retention.ms=86400000 or cleanup.policy=compact; repeatable.")
  Map<String, String> configs = new LinkedHashMap<>();

  @Option(names = "--if-not-exists", description = "A topic that exists already is no error (its settings are left as they are).")
  boolean ifNotExists;

  @Option(names = "--dry-run", description = "Only ask the cluster whether it would create the topics.")
  boolean dryRun;

  @Mixin
  KafkaOptions kafkaOptions;

  @Override
  public Integer call() {
    if (partitions != null && partitions < 1) {
      throw kafkaOptions.usage("--partitions must be 1 or more, was " + partitions);
    }
    if (replicationFactor != null && (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE)) {
      throw kafkaOptions.usage("--replication-factor must be 1 or more, was " + replicationFactor);
    }
    try (Gregor kafka = kafkaOptions.connect()) {
      for (String topic : topics) {
        create(kafka, topic);
      }
    }
    return GregorCommand.EXIT_OK;
  }

  private void create(Gregor kafka, String topic) {
    try {
      kafka.topics().create(topic, t -> {
        if (partitions != null) {
          t.partitions(partitions);
        }
        if (replicationFactor != null) {
          t.replicationFactor(replicationFactor);
        }
        t.configs(configs).validateOnly(dryRun);
      });
    } catch (TopicExists e) {
      if (!ifNotExists) {
        throw new TopicExists(topic, e.getMessage() + " (--if-not-exists makes that no error)", e);
      }
      kafkaOptions.tell("Topic '" + topic + "' exists already");
      return;
    }
    if (dryRun) {
      kafkaOptions.tell("Topic '" + topic + "' can be created (checked by the cluster; nothing was created)");
      return;
    }
    TopicDescription created = kafka.topics().describe(topic);
    int replicas = created.partitions().isEmpty() ? 0 : created.partitions().get(0).replicas().size();
    kafkaOptions.tell("Created topic '" + topic + "' with " + created.partitionCount()
        + (created.partitionCount() == 1 ? " partition" : " partitions") + ", replication factor " + replicas);
  }
}
