package dev.gregor.spring.internal;

import dev.gregor.framework.App;
import dev.gregor.framework.InvalidSetup;
import dev.gregor.framework.Settings;
import dev.gregor.framework.TopicMapper;
import dev.gregor.spring.GregorAppCustomizer;
import dev.gregor.spring.GregorProperties;
import dev.gregor.spring.GregorRoutes;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framework {@link App} from {@code gregor.*}, the routes beans and the customizers. The app reads its
 * settings from Spring's environment only: the framework's own {@code GREGOR_*} variables are not read (Spring's
 * relaxed binding already maps {@code GREGOR_APP_NAME} and the like), unless a customizer gives them back.
 */
public final class AppSetup {
  /** The framework's setting names, as its errors start, and the properties they come from. */
  private static final Map<String, String> PROPERTIES = Map.ofEntries(
      Map.entry("name", "gregor.app.name"),
      Map.entry("kafkaHosts", "gregor.bootstrap-servers"),
      Map.entry("connectTimeout", "gregor.connect-timeout"),
      Map.entry("concurrency", "gregor.app.concurrency"),
      Map.entry("shutdownTimeout", "gregor.app.shutdown-timeout"),
      Map.entry("stallTimeout", "gregor.app.stall-timeout"),
      Map.entry("sessionTimeout", "gregor.app.session-timeout"),
      Map.entry("heartbeatInterval", "gregor.app.heartbeat-interval"),
      Map.entry("offsetCommitInterval", "gregor.app.offset-commit-interval"),
      Map.entry("offsetCommitThreshold", "gregor.app.offset-commit-threshold"),
      Map.entry("reportsTopic", "gregor.app.reports-topic"),
      Map.entry("commandsTopic", "gregor.app.commands-topic"),
      Map.entry("reportInterval", "gregor.app.report-interval"),
      Map.entry("kafka", "gregor.client"));
  private static final Pattern LEADING_SETTING = Pattern.compile("^([a-zA-Z]+)(\\(\"([^\"]*)\"\\))?");

  private AppSetup() {}

  public static App build(GregorProperties properties, String defaultName, List<GregorRoutes> routes,
      List<GregorAppCustomizer> customizers) {
    GregorProperties.AppProperties app = properties.app();
    App.Builder builder = App.builder()
        .environment(Map.of())
        .setup(settings -> apply(settings, properties, app, defaultName));
    routes.forEach(drawing -> builder.routes(drawing::draw));
    customizers.forEach(customizer -> customizer.customize(builder));
    try {
      return builder.build();
    } catch (InvalidSetup e) {
      throw new InvalidProperties("Gregor app", e.errors().stream().map(AppSetup::naming).toList());
    }
  }

  private static void apply(Settings.Builder settings, GregorProperties properties,
      GregorProperties.AppProperties app, String defaultName) {
    String name = app.name() != null ? app.name() : defaultName;
    if (name != null && !name.isEmpty()) {
      settings.name(name);
    }
    settings.kafkaHosts(properties.bootstrapServers().toArray(String[]::new));
    properties.client().forEach(settings::kafka);
    set(properties.connectTimeout(), settings::connectTimeout);
    set(app.concurrency(), settings::concurrency);
    set(app.shutdownTimeout(), settings::shutdownTimeout);
    set(app.stallTimeout(), settings::stallTimeout);
    set(app.sessionTimeout(), settings::sessionTimeout);
    set(app.heartbeatInterval(), settings::heartbeatInterval);
    set(app.offsetCommitInterval(), settings::offsetCommitInterval);
    set(app.offsetCommitThreshold(), settings::offsetCommitThreshold);
    set(app.startFromBeginning(), settings::startFromBeginning);
    set(app.inlineMode(), settings::inlineMode);
    set(app.batchMode(), settings::batchMode);
    set(app.reporting(), settings::reporting);
    set(app.reportsTopic(), settings::reportsTopic);
    set(app.commandsTopic(), settings::commandsTopic);
    set(app.reportInterval(), settings::reportInterval);
    if (app.topicPrefix() != null && !app.topicPrefix().isEmpty()) {
      settings.topicMapper(TopicMapper.prefix(app.topicPrefix()));
    }
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** A framework error with the property it came from in front: {@code gregor.app.concurrency: concurrency must be...}. */
  static String naming(String error) {
    Matcher matcher = LEADING_SETTING.matcher(error);
    if (!matcher.find()) {
      return error;
    }
    String property = PROPERTIES.get(matcher.group(1));
    if (property == null) {
      return error;
    }
    if (matcher.group(3) != null) {
      property = property + "." + matcher.group(3);
    }
    return property + ": " + error;
  }
}
