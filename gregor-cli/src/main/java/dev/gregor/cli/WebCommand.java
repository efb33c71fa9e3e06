package dev.gregor.cli;

import dev.gregor.web.Dashboard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code gregor web}: the dashboard for a cluster, until Ctrl-C or SIGTERM. */
@Command(
    name = "web",
    sortOptions = false,
    headerHeading = "%n",
    header = "Serve the web dashboard for a Kafka cluster until Ctrl-C",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Pages for the cluster's brokers and features, its topics (create, add partitions, set",
        "  configs, delete), their messages (by offset or time, search, text/JSON/hex, download,",
        "  republish) and its consumer groups (members, lag, reset offsets with a plan first).",
        "  A login is required: the user is 'admin' with a password printed at start, unless",
        "  --user and $GREGOR_WEB_PASSWORD or --password-file say otherwise. Every action carries",
        "  a CSRF token. It listens on 127.0.0.1 unless --bind says otherwise."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:help shown", "1:usage error: a bad option, a port in use", "130:stopped by Ctrl-C",
        "143:stopped by SIGTERM"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor web                                   # http://127.0.0.1:8080/ for localhost:9092",
        "  gregor web -b kafka-1:9092 --port 9000 --read-only --mask 'payments\\..*'",
        "  GREGOR_WEB_PASSWORD=s3cret-pass gregor web --user ops --bind 0.0.0.0"})
public final class WebCommand implements Callable<Integer> {
  static final String PASSWORD_VARIABLE = "GREGOR_WEB_PASSWORD";

  @Mixin
  KafkaOptions kafkaOptions;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Default: 8080; 0 picks a free one.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on. Default: 127.0.0.1; 0.0.0.0 for every interface.")
  String bind;

  @Option(names = "--user", paramLabel = "NAME", defaultValue = "admin", description = "Who logs in. Default: admin.")
  String user;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "A file holding the password (else $GREGOR_WEB_PASSWORD, else one is generated).")
  Path passwordFile;

  @Option(names = "--no-auth", description = "No login (actions still need the CSRF token); for a private port only.")
  boolean noAuth;

  @Option(names = "--read-only", description = "Pages only: create, delete, reset and republish are refused.")
  boolean readOnly;

  @Option(names = "--mask", paramLabel = "REGEX", description = "Topics whose keys, values and headers are never shown.")
  String mask;

  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    Dashboard.Builder builder = Dashboard.builder().config(kafkaOptions.config(Map.of())).port(port).bindAddress(bind)
        .authentication(!noAuth).readOnly(readOnly);
    String password = password();
    if (password != null) {
      builder.user(user, password);
    } else if (!user.equals("admin")) {
      throw new ParameterException(kafkaOptions.command.commandLine(), "--user " + user + " needs a password: set "
          + PASSWORD_VARIABLE + " or give --password-file");
    }
    if (mask != null) {
      builder.maskedTopics(mask);
    }
    Dashboard dashboard;
    try {
      dashboard = builder.start();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(kafkaOptions.command.commandLine(), e.getMessage());
    }
    try (dashboard) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "gregor-web-shutdown"));
      kafkaOptions.tell("Dashboard for " + String.join(",", kafkaOptions.config(Map.of()).seedBrokers()) + " at "
          + dashboard.url() + (readOnly ? " (read-only)" : ""));
      dashboard.generatedPassword().ifPresent(generated -> kafkaOptions.tell("Log in as admin with password "
          + generated + " (generated for this run; set " + PASSWORD_VARIABLE + " to choose one)"));
      kafkaOptions.tell("Ctrl-C stops it.");
      stop.await();
    }
    return GregorCommand.EXIT_OK;
  }

  private String password() {
    if (passwordFile != null) {
      try {
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ParameterException(kafkaOptions.command.commandLine(), "--password-file " + passwordFile
            + " cannot be read: " + e.getMessage());
      }
    }
    String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
  }
}
