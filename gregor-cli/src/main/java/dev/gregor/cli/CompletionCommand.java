package dev.gregor.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gregor completion}: a bash/zsh script that completes gregor's commands and options. */
@Command(
    name = "completion",
    headerHeading = "%n",
    header = "Print a bash/zsh completion script for gregor",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Prints a script that makes Tab complete gregor's commands, options and enumerated",
        "  values (acks, compression, output formats) in bash, and in zsh after",
        "  'autoload -U +X bashcompinit && bashcompinit'."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  Completion in this shell:",
        "    source <(gregor completion)",
        "  In every new shell:",
        "    gregor completion > ~/.gregor-completion.bash",
        "    echo 'source ~/.gregor-completion.bash' >> ~/.bashrc"})
public final class CompletionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    // picocli generates the script from the whole command tree, so new commands complete without changes here.
    String script = AutoComplete.bash("gregor", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return GregorCommand.EXIT_OK;
  }
}
