package dev.gregor.cli;

import dev.gregor.cli.internal.RouteDescription;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gregor flow}: where an app's messages go (seed: {@code karafka flow}). */
@Command(
    name = "flow",
    sortOptions = false,
    headerHeading = "%n",
    header = "Show how messages flow through a framework app",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  For each route, in alphabetical order: the incoming topic, the controller, and the",
        "  topics it writes to — its responder's topics (marked when optional), its jobs queue,",
        "  retry and dead-letter topics. --format mermaid prints a Mermaid flowchart to paste",
        "  into Markdown. The app is built but not started."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown", "1:usage error", "2:the app class is missing or its setup is invalid"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor flow --app com.example.ShopApp --classpath target/classes",
        "  gregor flow --app com.example.ShopApp --format mermaid > docs/flow.mmd"})
public final class FlowCommand implements Callable<Integer> {
  /** How {@code flow} prints. */
  enum Format { TEXT, MERMAID }

  @Mixin
  AppOptions appOptions;

  @Option(names = "--format", paramLabel = "text|mermaid", defaultValue = "text",
      description = "text (default) or mermaid.")
  Format format;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<RouteDescription> routes = appOptions.routes();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.MERMAID) {
      out.println("flowchart LR");
      int n = 0;
      for (RouteDescription route : routes) {
        String in = "in" + n;
        String controller = "c" + n;
        out.println("  " + in + "[[\"" + route.topic() + "\"]] --> " + controller + "(\"" + route.controller() + "\")");
        int m = 0;
        for (String topic : route.outTopics()) {
          out.println("  " + controller + " --> " + "out" + n + "_" + m++ + "[[\"" + topic + "\"]]");
        }
        n++;
      }
    } else {
      for (RouteDescription route : routes) {
        out.println(route.topic() + " => " + route.controller() + " => "
            + (route.outTopics().isEmpty() ? "(nothing)" : String.join(", ", route.outTopics())));
      }
    }
    out.flush();
    return GregorCommand.EXIT_OK;
  }
}
