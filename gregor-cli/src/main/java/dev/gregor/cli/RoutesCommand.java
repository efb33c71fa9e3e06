package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.cli.internal.RouteDescription;
import dev.gregor.cli.internal.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gregor routes}: every route of an app (seed: {@code karafka routes}). */
@Command(
    name = "routes",
    sortOptions = false,
    headerHeading = "%n",
    header = "List the routes of a framework app",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Every route of the app, in alphabetical order of topic, with its consumer group,",
        "  controller, parser, responder and modes (inline or the jobs queue, batch, ordering,",
        "  dead-letter and retry topics). The app is built, which checks its settings and routes,",
        "  but not started: nothing connects to Kafka."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "1:usage error", "2:the app class is missing or its setup is invalid"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor routes --app com.example.ShopApp --classpath target/classes",
        "  GREGOR_BOOT=com.example.ShopApp gregor routes --output json"})
public final class RoutesCommand implements Callable<Integer> {
  @Mixin
  AppOptions appOptions;

  @Option(names = "--output", paramLabel = "table|json", defaultValue = "table",
      description = "table (default) or json.")
  OutputFormat output;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<RouteDescription> routes = appOptions.routes();
    if (output == OutputFormat.JSON) {
      Json.print(spec.commandLine().getOut(), routes.stream().map(RouteDescription::asMap).toList());
      return GregorCommand.EXIT_OK;
    }
    Table table = Table.of("TOPIC", "GROUP", "CONTROLLER", "PARSER", "RESPONDER", "MODES");
    routes.forEach(r -> table.row(r.topic(), r.group(), r.controller(), r.parser(), r.responder(), r.modes()));
    table.print(spec.commandLine().getOut(), false);
    spec.commandLine().getOut().flush();
    return GregorCommand.EXIT_OK;
  }
}
