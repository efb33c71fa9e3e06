package dev.gregor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gregor dead-letters}: what a framework app's routes sent to their dead-letter topics. */
@Command(
    name = "dead-letters",
    sortOptions = false,
    headerHeading = "%n",
    header = "Replay dead letters to the topics they came from",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  A framework route with deadLetter(topic) writes each message its error policy gave up on",
        "  to that topic, with headers naming its origin and error. Read them with",
        "  'gregor consume TOPIC --format json'; replay them once the cause is fixed.",
        "  Run 'gregor dead-letters help COMMAND' for the options of one."},
    commandListHeading = "%nCommands:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:usage error", "2:the cluster or a topic could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor consume orders_dlt --from-beginning --format json", "  gregor dead-letters replay orders_dlt"})
public final class DeadLettersCommand {
  @ParentCommand
  GregorCommand gregor;
}
