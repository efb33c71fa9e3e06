package dev.gregor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gregor topics}: list, create, describe, alter, add partitions to and delete topics. */
@Command(
    name = "topics",
    sortOptions = false,
    headerHeading = "%n",
    header = "List, create, describe, alter and delete topics",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  What kafka-topics.sh does, with the connection options of every gregor command.",
        "  'list' and 'describe' print tables, or JSON with --output json; the commands that",
        "  change something say what they did on standard error. Run 'gregor topics help",
        "  COMMAND' for the options of one."},
    commandListHeading = "%nCommands:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  gregor topics list",
        "  gregor topics create orders --partitions 6 --topic-config retention.ms=86400000",
        "  gregor topics describe orders",
        "  gregor topics alter orders --set retention.ms=3600000 --unset cleanup.policy",
        "  gregor topics add-partitions orders --total 12",
        "  gregor topics delete orders"})
public final class TopicsCommand {
  @ParentCommand
  GregorCommand gregor;
}
