package dev.gregor.cli;

import dev.gregor.client.Gregor;
import dev.gregor.client.UnknownGroup;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gregor groups delete GROUP...}: deletes consumer groups and their committed offsets. */
@Command(
    name = "delete",
    sortOptions = false,
    headerHeading = "%n",
    header = "Delete consumer groups and their committed offsets",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Deletes each GROUP with its committed offsets, so that a consumer joining it again",
        "  starts where a new group starts. A group with active members is refused: stop them",
        "  first. What was deleted is reported on standard error."},
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:deleted (or, with --if-exists, not there)", "1:usage error",
        "2:a group does not exist or still has members, or the cluster could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor groups delete billing-test", "  gregor groups delete old-1 old-2 --if-exists"})
public final class GroupsDeleteCommand implements Callable<Integer> {
  @Parameters(paramLabel = "GROUP", arity = "1..*", description = "The consumer groups to delete.")
  List<String> groups;

  @Option(names = "--if-exists", description = "A group that does not exist is no error.")
  boolean ifExists;

  @Mixin
  KafkaOptions kafkaOptions;

  @Override
  public Integer call() {
    try (Gregor kafka = kafkaOptions.connect()) {
      for (String group : groups) {
        try {
          kafka.groups().delete(group);
          kafkaOptions.tell("Deleted consumer group '" + group + "'");
        } catch (UnknownGroup e) {
          if (!ifExists) {
            throw e; // the client's exception names the close ones
          }
          kafkaOptions.tell("Consumer group '" + group + "' does not exist");
        }
      }
    }
    return GregorCommand.EXIT_OK;
  }
}
