package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help that reads like a man page, and the completion script. */
class HelpAndCompletionTest {
  @Test
  void topLevelHelpListsEveryCommandConnectionOptionsAndExitCodes() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .containsPattern("\\n\\s+produce\\s+Send lines")
        .containsPattern("\\n\\s+consume\\s+Print the messages")
        .containsPattern("\\n\\s+offsets\\s+Show the earliest")
        .containsPattern("\\n\\s+cluster\\s+Show the cluster")
        .containsPattern("\\n\\s+completion\\s+Print a bash")
        .contains("Connection options", "--bootstrap", "GREGOR_BOOTSTRAP", "-X KEY=VALUE")
        .contains("3   bad input", "gregor consume greetings --from-beginning --count 10 | gregor produce copies");
  }

  @Test
  void aMistypedCommandIsAUsageErrorSuggestingTheCloseOne() {
    // A name that is no command gets the whole tree, not just the one command a run is built with.
    Cli.Result result = Cli.run("topcs", "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("'topcs'", "Did you mean: gregor topics?");
  }

  @Test
  void aMistypedSubcommandIsAUsageErrorSuggestingTheCloseOne() {
    // Only the named branch is built for a run; a name its parent does not have gets all of the parent's.
    Cli.Result result = Cli.run("topics", "lst");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("'lst'", "Did you mean: topics list?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "help"})
  void aCommandsHelpListsEveryOneOfItsSubcommands(String help) {
    Cli.Result result = Cli.run("groups", help);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).containsPattern("\\n\\s+list\\s").containsPattern("\\n\\s+describe\\s")
        .containsPattern("\\n\\s+delete\\s").containsPattern("\\n\\s+reset-offsets\\s");
  }

  @Test
  void helpNamingASubcommandShowsThatSubcommandsOptions() {
    Cli.Result result = Cli.run("topics", "help", "create");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("gregor topics create", "--partitions");
  }

  @Test
  void aCommandBuiltAloneKeepsTheInheritedHelpAndVersionOptions() {
    Cli.Result help = Cli.run("topics", "list", "--help");
    Cli.Result version = Cli.run("groups", "describe", "--version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage:", "gregor topics list", "-h, --help", "Exit codes:");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("gregor ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"produce", "consume", "offsets", "cluster", "completion", "topics", "groups", "dead-letters",
      "routes", "flow", "info", "server", "worker", "install", "console", "web"})
  void everyCommandsHelpHasADescriptionExitCodesAndExamples(String command) {
    Cli.Result result = Cli.run("help", command);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage:", "Description:", "Exit codes:", "Examples:", "gregor " + command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"topics list", "topics create", "topics describe", "topics alter", "topics add-partitions",
      "topics delete", "groups list", "groups describe", "groups delete", "groups reset-offsets", "dead-letters replay"})
  void everyTopicsAndGroupsCommandsHelpHasADescriptionExitCodesAndExamples(String command) {
    String[] words = command.split(" ");
    Cli.Result result = Cli.run(words[0], "help", words[1]);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage:", "Description:", "Exit codes:", "Examples:", "gregor " + command,
        "--bootstrap=HOST:PORT[,...]");
  }

  @Test
  void helpTextLinesFitTheHelpWidthSoPicocliNeverBreaksThemMidSentence() {
    List<String> tooLong = new ArrayList<>();
    collectLongLines(GregorCommand.commandLine(), tooLong);

    assertThat(tooLong).isEmpty();
  }

  private static void collectLongLines(CommandLine command, List<String> tooLong) {
    CommandSpec spec = command.getCommandSpec();
    List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
    lines.addAll(List.of(spec.usageMessage().footer()));
    for (String line : lines) {
      String shown = line.replace("%%", "%").replace("%n", "");
      if (shown.length() > GregorCommand.HELP_WIDTH) {
        tooLong.add(spec.qualifiedName() + ": " + shown);
      }
    }
    command.getSubcommands().values().forEach(sub -> collectLongLines(sub, tooLong));
  }

  @Test
  void kafkaCommandsDocumentTheConnectionOptions() {
    Cli.Result result = Cli.run("help", "consume");

    assertThat(result.out()).contains("--bootstrap=HOST:PORT[,...]", "--config=FILE", "-X=KEY=VALUE", "--connect-timeout",
        "--output=table|json", "--from-beginning", "--offset=earliest|latest|N|-N|@TIME", "--format=FORMAT", "--isolation");
  }

  @Test
  void consumeHelpShowsTheFormatPlaceholdersLiterally() {
    Cli.Result result = Cli.run("help", "consume");

    assertThat(result.out()).contains("%t topic, %p partition", "%% a percent sign", "--format '%p:%o %k=%s\\n'");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void completionPrintsABashScriptCoveringTheCommandsAndTheirOptions() {
    Cli.Result result = Cli.run("completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("complete -F", "gregor", "consume", "produce", "--from-beginning", "--key-separator");
    assertThat(result.err()).isEmpty();
  }
}
