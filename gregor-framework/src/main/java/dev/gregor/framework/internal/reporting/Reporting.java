package dev.gregor.framework.internal.reporting;

import dev.gregor.client.Gregor;
import dev.gregor.client.TopicExists;
import dev.gregor.framework.Routes;
import dev.gregor.framework.Settings;
import dev.gregor.framework.internal.Instrumentation;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's side of the dashboard, when the {@code reporting} setting is on: makes the reports and commands topics
 * if they are missing, publishes reports and obeys commands. Nothing here may stop the app: the dashboard is a
 * convenience, so its failures are logged.
 */
public final class Reporting {
  private static final Logger LOG = LoggerFactory.getLogger(Reporting.class);
  /** Reports are current state: a day is plenty for the dashboard's history; commands are stale within the hour. */
  static final Duration REPORTS_RETENTION = Duration.ofDays(1);
  static final Duration COMMANDS_RETENTION = Duration.ofHours(1);

  private final ProcessReporter reporter;
  private final CommandListener commands;
  private final ProcessIdentity process;

  private Reporting(ProcessReporter reporter, CommandListener commands, ProcessIdentity process) {
    this.reporter = reporter;
    this.commands = commands;
    this.process = process;
  }

  /** Creates the topics if missing, then starts reporting and reading commands. */
  public static Reporting start(Gregor client, Settings settings, Routes routes, Instrumentation instrumentation,
      ReportedApp app) {
    createTopics(client, settings);
    ProcessIdentity process = ProcessIdentity.create();
    Reporting reporting = new Reporting(new ProcessReporter(client, settings, routes, instrumentation, app, process),
        new CommandListener(client, settings, app, process, instrumentation.jobs()), process);
    try {
      reporting.commands.start();
    } catch (RuntimeException e) {
      LOG.warn("App '{}' cannot read commands from '{}'; it reports without obeying commands: {}", settings.name(),
          settings.commandsTopic(), e.toString());
    }
    reporting.reporter.start();
    LOG.info("App '{}' reports as process '{}' to '{}' every {} and obeys commands from '{}'", settings.name(),
        process.id(), settings.reportsTopic(), settings.reportInterval(), settings.commandsTopic());
    return reporting;
  }

  public ProcessIdentity process() {
    return process;
  }

  /** Stops reading commands. */
  public void stopCommands() {
    commands.stop();
  }

  /** Publishes the last report, state {@code stopped}; once the app's work has stopped. */
  public void stopReporting() {
    reporter.stop();
  }

  private static void createTopics(Gregor client, Settings settings) {
    Set<String> existing;
    try {
      existing = new HashSet<>(client.topics().list());
    } catch (RuntimeException e) {
      LOG.warn("App '{}' cannot list topics to create '{}' and '{}': {}", settings.name(), settings.reportsTopic(),
          settings.commandsTopic(), e.toString());
      return;
    }
    create(client, settings, existing, settings.reportsTopic(), REPORTS_RETENTION);
    create(client, settings, existing, settings.commandsTopic(), COMMANDS_RETENTION);
  }

  /** One partition (one writer per process, readers want all of it in order) and the cluster's replication factor. */
  private static void create(Gregor client, Settings settings, Set<String> existing, String topic, Duration retention) {
    if (existing.contains(topic)) {
      return;
    }
    try {
      client.topics().create(topic, t -> t.partitions(1).config("retention.ms", String.valueOf(retention.toMillis())));
      LOG.info("App '{}': created topic '{}' (1 partition, retention {})", settings.name(), topic, retention);
    } catch (TopicExists raced) {
      // another process created it first
    } catch (RuntimeException e) {
      LOG.warn("App '{}' could not create topic '{}': {}", settings.name(), topic, e.toString());
    }
  }
}
