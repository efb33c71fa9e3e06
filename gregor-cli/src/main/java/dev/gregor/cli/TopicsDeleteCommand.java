package dev.gregor.cli;

import dev.gregor.client.Gregor;
import dev.gregor.client.UnknownTopic;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gregor topics delete TOPIC...}: deletes topics and their messages. */
@Command(
    name = "delete",
    sortOptions = false,
    headerHeading = "%n",
    header = "Delete topics and all their messages",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Deletes each TOPIC with its messages; there is no undo. The cluster removes the",
        "  data in the background, so a topic of the same name may not be creatable at once.",
        "  What was deleted is reported on standard error."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:deleted (or, with --if-exists, not there)", "1:usage error",
        "2:a topic does not exist, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  gregor topics delete orders-test",
        "  gregor topics delete scratch-1 scratch-2 --if-exists"})
public final class TopicsDeleteCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topics to delete.")
  List<String> topics;

  @Option(names = "--if-exists", description = "A topic that does not exist is no error.")
  boolean ifExists;

  @Mixin
  KafkaOptions kafkaOptions;

  @Override
  public Integer call() {
    try (Gregor kafka = kafkaOptions.connect()) {
      for (String topic : topics) {
        try {
          kafka.topics().delete(topic);
          kafkaOptions.tell("Deleted topic '" + topic + "'");
        } catch (UnknownTopic e) {
          if (!ifExists) {
            throw e; // the client's exception names the close ones
          }
          kafkaOptions.tell("Topic '" + topic + "' does not exist");
        }
      }
    }
    return GregorCommand.EXIT_OK;
  }
}
