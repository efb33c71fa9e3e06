package dev.gregor.cli;

import dev.gregor.client.Gregor;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gregor topics add-partitions TOPIC}: more partitions for a topic. */
@Command(
    name = "add-partitions",
    sortOptions = false,
    headerHeading = "%n",
    header = "Add partitions to a topic",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Adds --num partitions to TOPIC, or raises its count to --total (kafka-topics.sh",
        "  --alter --partitions). Partitions can never be removed. Messages with a key go to",
        "  the partition the key hashes to among all partitions, so after this, new messages",
        "  of a key may land in another partition than its older ones."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error",
        "2:the topic does not exist, the count is not more than now, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Two more partitions:",
        "    gregor topics add-partitions orders --num 2",
        "  Twelve in all:",
        "    gregor topics add-partitions orders --total 12"})
public final class TopicsAddPartitionsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TOPIC", description = "The topic to grow.")
  String topic;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Count count;

  /** Either how many to add or how many there should be. */
  static final class Count {
    @Option(names = {"-n", "--num"}, paramLabel = "N", required = true, description = "Add N partitions.")
    Integer add;

    @Option(names = "--total", paramLabel = "N", required = true, description = "Raise the partition count to N.")
    Integer total;
  }

  @Mixin
  KafkaOptions kafkaOptions;

  @Override
  public Integer call() {
    if (count.add != null && count.add < 1) {
      throw kafkaOptions.usage("--num must be 1 or more, was " + count.add);
    }
    int before;
    int after;
    try (Gregor kafka = kafkaOptions.connect()) {
      before = kafka.partitionsFor(topic);
      after = count.add != null ? before + count.add : count.total;
      kafka.topics().createPartitions(topic, after);
    }
    kafkaOptions.tell("Topic '" + topic + "' now has " + after + " partitions (had " + before + ")");
    return GregorCommand.EXIT_OK;
  }
}
