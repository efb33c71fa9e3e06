package dev.gregor.cli;

import dev.gregor.cli.internal.Json;
import dev.gregor.framework.App;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gregor info}: an app's effective configuration (seed: {@code karafka info}). */
@Command(
    name = "info",
    sortOptions = false,
    headerHeading = "%n",
    header = "Show a framework app's effective configuration, brokers and versions",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  The app's effective settings after its environment overlay and GREGOR_* variables,",
        "  secrets masked; the brokers discovered from its kafka.hosts (this connects, within the",
        "  app's connect timeout); and the Gregor, Kafka client and Java versions."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown", "1:usage error",
        "2:the app class is missing, its setup is invalid, or its brokers could not be reached"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor info --app com.example.ShopApp --classpath target/classes",
        "  GREGOR_ENV=production gregor info --app com.example.ShopApp --output json"})
public final class InfoCommand implements Callable<Integer> {
  @Mixin
  AppOptions appOptions;

  @Option(names = "--output", paramLabel = "table|json", defaultValue = "table",
      description = "table (default: one 'key: value' per line) or json.")
  OutputFormat output;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    App app = appOptions.load();
    Map<String, String> info = new LinkedHashMap<>(app.info());
    info.put("gregor_version", version(App.class));
    info.put("kafka_client_version", DevCommand.kafkaVersion().trim());
    info.put("java_version", Runtime.version().toString());
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      Json.print(out, info);
      return GregorCommand.EXIT_OK;
    }
    info.forEach((key, value) -> out.println(key + ": " + value));
    out.flush();
    return GregorCommand.EXIT_OK;
  }

  private static String version(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version != null ? version : "development build";
  }
}
