package dev.gregor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gregor groups}: list, describe, delete consumer groups and reset their offsets. */
@Command(
    name = "groups",
    sortOptions = false,
    headerHeading = "%n",
    header = "List, describe and delete consumer groups, and reset their offsets",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  What kafka-consumer-groups.sh does, with the connection options of every gregor",
        "  command: classic and KIP-848 consumer groups alike. 'list' and 'describe' print",
        "  tables, or JSON with --output json. Run 'gregor groups help COMMAND' for the",
        "  options of one."},
    commandListHeading = "%nCommands:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  gregor groups list",
        "  gregor groups describe billing",
        "  gregor groups reset-offsets billing --topic invoices --to-earliest --dry-run",
        "  gregor groups reset-offsets billing --topic invoices --to-earliest --execute",
        "  gregor groups delete billing"})
public final class GroupsCommand {
  @ParentCommand
  GregorCommand gregor;
}
