package dev.gregor.cli;

import dev.gregor.cli.internal.ConsoleStartup;
import dev.gregor.client.Config;
import dev.gregor.client.Gregor;
import dev.gregor.framework.App;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code gregor console}: JShell with a connected client and the app ready (seed: {@code karafka console}). */
@Command(
    name = "console",
    sortOptions = false,
    headerHeading = "%n",
    header = "Start JShell with a connected client ('kafka') and the app ('app')",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  JShell on the CLI's class path and the app's, with Gregor's packages imported and:",
        "    kafka  a Gregor client, connected to the app's kafka.hosts or to --bootstrap",
        "    app    the app named by --app, GREGOR_BOOT or ./gregor-boot.properties, built",
        "           but not started (app.start(), app.routes(), app.info()), when there is one",
        "  /exit leaves it and closes the client. JShell runs the snippets in a second JVM, which",
        "  is what its '-R' options tune."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:JShell exited", "1:usage error", "2:the app is missing or invalid"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor console -b localhost:9092",
        "  jshell> kafka.deliverMessage(\"greetings\", \"Hello from JShell\")",
        "  gregor console --app com.example.ShopApp --classpath target/classes"})
public final class ConsoleCommand implements Callable<Integer> {
  @Mixin
  AppOptions appOptions;

  @Mixin
  KafkaOptions kafkaOptions;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AppOptions.Target target = appOptions.target();
    Map<String, String> hosts = Map.of();
    if (target != null) {
      App app = appOptions.load(); // checks the class and its setup here, where an error is clear
      if (!spec.commandLine().getParseResult().hasMatchedOption("--bootstrap")) {
        hosts = Map.of("bootstrap.servers", String.join(",", app.settings().kafkaHosts()));
      }
    }
    Config config = kafkaOptions.config(hosts);
    try (Gregor reachable = Gregor.connect(config)) {
      // a cluster that is down is reported here, once, not as a failed snippet in JShell
    }
    Path startup = Files.createTempFile("gregor-console", ".jsh");
    try {
      Files.writeString(startup, ConsoleStartup.snippets(config, target == null ? null
          : target.app()));
      List<String> args = new ArrayList<>(List.of("--class-path", classpath(target), "--startup", "DEFAULT",
          "--startup", startup.toString(), "-R-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-R-Dorg.slf4j.simpleLogger.logFile=System.err"));
      kafkaOptions.err().println("Gregor console: 'kafka' is connected" + (target == null ? "" : ", 'app' is "
          + target.app() + " (not started)") + "; /exit leaves");
      kafkaOptions.err().flush();
      JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
      return GregorCommand.EXIT_OK;
    } finally {
      Files.deleteIfExists(startup);
    }
  }

  /** The snippets run in another JVM, which needs Gregor's classes and the app's. */
  private static String classpath(AppOptions.Target target) {
    String own = System.getProperty("java.class.path");
    return target == null || target.classpath() == null ? own : own + File.pathSeparator + target.classpath();
  }
}
