package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.client.Gregor;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gregor topics list}: the names of the cluster's topics, one per line. */
@Command(
    name = "list",
    sortOptions = false,
    headerHeading = "%n",
    header = "Print the names of all topics, one per line",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  The names of the topics the client may see, sorted, one per line. Kafka's internal",
        "  topics, such as __consumer_offsets, are left out unless --internal is given. With",
        "  --output json: one array of names."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:usage error", "2:the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Every topic:",
        "    gregor topics list",
        "  Every topic, Kafka's internal ones too:",
        "    gregor topics list --internal",
        "  The offsets of every topic whose name starts with orders:",
        "    gregor topics list | grep '^orders' | xargs gregor offsets"})
public final class TopicsListCommand implements Callable<Integer> {
  @Option(names = "--internal", description = "Also list Kafka's internal topics (__consumer_offsets, __transaction_state).")
  boolean internal;

  @Mixin
  KafkaOptions kafkaOptions;

  @Override
  public Integer call() {
    List<String> names;
    try (Gregor kafka = kafkaOptions.connect()) {
      names = kafka.topics().list(internal);
    }
    if (kafkaOptions.json()) {
      Json.print(kafkaOptions.out(), names);
    } else {
      names.forEach(kafkaOptions.out()::println);
      kafkaOptions.out().flush();
    }
    return GregorCommand.EXIT_OK;
  }
}
