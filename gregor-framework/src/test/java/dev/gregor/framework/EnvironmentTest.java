package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.client.Sasl;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Seed: "Environment variables settings" (KARAFKA_ENV → GREGOR_ENV), "Kafka brokers auto-discovery", and the CLI's
// "info": the effective configuration with secrets masked.
@EmbeddedKafkaTest
class EnvironmentTest {
  static final class Noop extends Controller {
    @Override
    protected void perform() {}
  }

  private static App.Builder app() {
    return App.builder().setup(config -> config.name("envs").kafkaHosts("localhost:9092").concurrency(2))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class)));
  }

  @Test
  void gregorEnvPicksAnOverlayOverTheCodeAndGregorVariablesOverrideIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gregor.production.properties"), """
        kafka.hosts = kafka-1:9092, kafka-2:9092
        kafka.session_timeout = 20
        concurrency = 16
        kafka.client.max.poll.records = 100
        """);

    Settings settings = app().configDirectory(dir)
        .environment(Map.of("GREGOR_ENV", "production", "GREGOR_KAFKA_SESSION_TIMEOUT", "45s",
            "GREGOR_INLINE_MODE", "false", "GREGOR_HOME", "/opt/gregor", "PATH", "/bin"))
        .build().settings();

    assertThat(settings.environment()).isEqualTo("production");
    assertThat(settings.kafkaHosts()).containsExactly("kafka-1:9092", "kafka-2:9092");
    assertThat(settings.concurrency()).isEqualTo(16);
    assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(settings.inlineMode()).isFalse();
    assertThat(settings.kafka()).containsEntry("max.poll.records", "100");
  }

  @Test
  void withoutGregorEnvTheAppIsInDevelopmentAndACodeOnlySetupNeedsNoFile(@TempDir Path dir) {
    Settings settings = app().configDirectory(dir).environment(Map.of()).build().settings();

    assertThat(settings.environment()).isEqualTo("development");
    assertThat(settings.concurrency()).isEqualTo(2);
  }

  @Test
  void unknownKeysAndBadValuesInTheOverlayAndVariablesAreAllReported(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gregor.staging.properties"), """
        kafka.sesion_timeout = 20
        batch_mode = yes
        """);

    assertThatThrownBy(() -> app().configDirectory(dir)
        .environment(Map.of("GREGOR_ENV", "staging", "GREGOR_CONCURRENCY", "many")).build())
        .isInstanceOfSatisfying(InvalidSetup.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
            dir.resolve("gregor.staging.properties") + ": unknown setting 'kafka.sesion_timeout'; did you mean "
                + "'kafka.session_timeout'? (known: name, client_id, inline_mode, batch_mode, start_from_beginning, "
                + "kafka.hosts, kafka.session_timeout, kafka.offset_commit_interval, kafka.offset_commit_threshold, "
                + "kafka.heartbeat_interval, kafka.connect_timeout, kafka.ssl.ca_cert, kafka.ssl.client_cert, kafka.ssl.client_cert_key, "
                + "connection_pool.size, connection_pool.timeout, concurrency, shutdown_timeout, stall_timeout, default_queue, "
                + "reporting, reports_topic, commands_topic, report_interval, and "
                + "kafka.client.<kafka-clients property>)",
            dir.resolve("gregor.staging.properties") + ": batch_mode 'yes' is not true or false",
            "environment variable GREGOR_CONCURRENCY: concurrency 'many' is not a whole number"));
  }

  @Test
  void infoShowsTheEffectiveSettingsWithSecretsMaskedAndTheBrokersDiscovered(EmbeddedKafka kafka, @TempDir Path dir) {
    App app = App.builder().environment(Map.of()).configDirectory(dir)
        .setup(config -> config.name("described").kafkaHosts("kafka+ssl://localhost:9093")
            .sasl(Sasl.plain("app", "s3cret")).kafka("ssl.keystore.password", "hunter2"))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class)))
        .build();

    Map<String, String> described = app.settings().describe();
    assertThat(described).containsEntry("name", "described").containsEntry("environment", "development")
        .containsEntry("kafka.sasl", "PLAIN user=app password=******")
        .containsEntry("kafka.client.ssl.keystore.password", "******");
    assertThat(described.toString()).doesNotContain("s3cret").doesNotContain("hunter2");

    App plain = App.builder().environment(Map.of()).configDirectory(dir)
        .setup(config -> config.name("described").kafkaHosts(kafka.bootstrapServers()))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class))).build();
    assertThatThrownBy(() -> App.builder().environment(Map.of()).configDirectory(dir)
        .setup(config -> config.name("described").kafkaHosts("localhost:9092").sasl(Sasl.plain("app", "s3cret")))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class))).build())
        .isInstanceOf(InvalidSetup.class).hasMessageContaining("kafka: sasl PLAIN without TLS would send credentials");
    assertThat(plain.info().get("brokers")).matches("\\d+@.+:\\d+.* \\(controller \\d+, cluster .+\\)");
  }
}
