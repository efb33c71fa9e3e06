package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Issue 16: the reporting settings, checked at build and settable from overlays and GREGOR_* variables.
class ReportingSettingsTest {
  static final class Noop extends Controller {
    @Override
    protected void perform() {}
  }

  private static App.Builder app(Path dir) {
    return App.builder().environment(Map.of()).configDirectory(dir)
        .setup(config -> config.name("reported").kafkaHosts("localhost:9092"))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class)));
  }

  @Test
  void reportingIsOffByDefaultWithTheSharedTopicsAndAFiveSecondInterval(@TempDir Path dir) {
    Settings settings = app(dir).build().settings();

    assertThat(settings.reporting()).isFalse();
    assertThat(settings.reportsTopic()).isEqualTo("gregor_reports");
    assertThat(settings.commandsTopic()).isEqualTo("gregor_commands");
    assertThat(settings.reportInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.describe()).containsEntry("reporting", "false").containsEntry("reports_topic", "gregor_reports")
        .containsEntry("commands_topic", "gregor_commands").containsEntry("report_interval", "PT5S");
  }

  @Test
  void theReportingTopicsAreNotMappedBecauseEveryAppOfTheClusterSharesThem(@TempDir Path dir) {
    Settings settings = app(dir).setup(config -> config.topicMapper(TopicMapper.prefix("acme")).reporting(true))
        .build().settings();

    assertThat(settings.reportsTopic()).isEqualTo("gregor_reports");
    assertThat(settings.commandsTopic()).isEqualTo("gregor_commands");
  }

  @Test
  void aTooShortIntervalAndIllegalTopicNamesAreRefusedNamingTheSetting(@TempDir Path dir) {
    assertThatThrownBy(() -> app(dir).setup(config -> config.reporting(true).reportInterval(Duration.ofMillis(50))
        .reportsTopic("my reports").commandsTopic("")).build())
        .isInstanceOfSatisfying(InvalidSetup.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
            "reportsTopic 'my reports' has characters Kafka refuses: topic names use only letters, digits, '.', '_' and '-'",
            "commandsTopic '' is empty",
            "reportInterval must be at least PT0.1S, was PT0.05S"));
    assertThatThrownBy(() -> app(dir).setup(config -> config.reportsTopic("..")).build())
        .isInstanceOf(InvalidSetup.class).hasMessageContaining("reportsTopic '..' is not a legal topic name");
  }

  @Test
  void theOverlayAndGregorVariablesSetReporting(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gregor.production.properties"), """
        reporting = true
        reports_topic = ops_reports
        report_interval = 250ms
        """);

    Settings settings = app(dir).environment(Map.of("GREGOR_ENV", "production", "GREGOR_COMMANDS_TOPIC", "ops_commands",
        "GREGOR_REPORT_INTERVAL", "2s")).build().settings();

    assertThat(settings.reporting()).isTrue();
    assertThat(settings.reportsTopic()).isEqualTo("ops_reports");
    assertThat(settings.commandsTopic()).isEqualTo("ops_commands");
    assertThat(settings.reportInterval()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aBadReportingValueInAVariableIsReportedWithTheVariable(@TempDir Path dir) {
    assertThatThrownBy(() -> app(dir).environment(Map.of("GREGOR_REPORTING", "sometimes",
        "GREGOR_REPORT_INTERVAL", "0")).build())
        .isInstanceOfSatisfying(InvalidSetup.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
            "environment variable GREGOR_REPORTING: reporting 'sometimes' is not true or false",
            "reportInterval must be at least PT0.1S, was PT0S"));
  }
}
