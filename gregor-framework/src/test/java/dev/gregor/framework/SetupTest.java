package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// Seed: "Setup" / "Application" — the configuration table, checked as a whole; "Configurators".
class SetupTest {
  static final List<String> CONFIGURED = new CopyOnWriteArrayList<>();

  static final class Noop extends Controller {
    @Override
    protected void perform() {}
  }

  /** Discovered through META-INF/services; order 1 runs after DiscoveredFirst's 0. */
  public static final class DiscoveredSecond implements Configurator {
    @Override
    public void setup(Settings settings) {
      CONFIGURED.add("discovered-second:" + settings.name());
    }

    @Override
    public int order() {
      return 1;
    }
  }

  /** Discovered through META-INF/services. */
  public static final class DiscoveredFirst implements Configurator {
    @Override
    public void setup(Settings settings) {
      CONFIGURED.add("discovered-first:" + settings.name());
    }
  }

  @Test
  void everyProblemOfTheSetupIsReportedAtOnceEachNamingItsSetting() {
    App.Builder app = App.builder()
        .setup(config -> config.kafkaHosts("localhost:notaport")
            .sessionTimeout(Duration.ofSeconds(-1))
            .heartbeatInterval(Duration.ZERO)
            .offsetCommitThreshold(-5)
            .producerPoolSize(0)
            .sslClientCert("-----BEGIN CERTIFICATE-----")
            .kafka("max.poll.recrods", 10))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class)));

    assertThatThrownBy(app::build).isInstanceOfSatisfying(InvalidSetup.class, e -> {
      assertThat(e.errors()).hasSize(8);
      assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("name is required"));
      assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("kafkaHosts [localhost:notaport]"));
      assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("sessionTimeout must be a positive duration"));
      assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("heartbeatInterval must be a positive"));
      assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("offsetCommitThreshold must be at least 0"));
      assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("producerPoolSize must be at least 1"));
      assertThat(e.errors()).anySatisfy(error -> assertThat(error).isEqualTo("sslClientCert is set without sslClientCertKey"));
      assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith("kafka(\"max.poll.recrods\")")
          .contains("max.poll.records"));
      assertThat(e.getMessage()).startsWith("Invalid Gregor app (8 problems)");
    });
  }

  @Test
  void theSeedsTableMapsOntoSettingsWithItsDefaults() {
    App app = App.builder()
        .setup(config -> config.name("my_application").kafkaHosts("127.0.0.1:9092"))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class)))
        .build();

    Settings settings = app.settings();
    assertThat(settings.name()).isEqualTo("my_application");
    assertThat(settings.clientId()).isEqualTo("my_application");
    assertThat(settings.kafkaHosts()).containsExactly("127.0.0.1:9092");
    assertThat(settings.inlineMode()).isTrue();
    assertThat(settings.batchMode()).isFalse();
    assertThat(settings.startFromBeginning()).isTrue();
    assertThat(settings.topicMapper().outgoing("videos")).isEqualTo("videos");
    assertThat(settings.defaultQueue()).isEqualTo("my_application_jobs");
    assertThat(settings.monitor()).hasToString("logging(dev.gregor.framework.App.my_application)");
  }

  @Test
  void configuratorsRunAfterSetupExplicitOnesFirstThenDiscoveredOnesByOrder() {
    CONFIGURED.clear();
    App.builder()
        .setup(config -> config.name("configured").kafkaHosts("localhost:9092"))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class)))
        .configurator(settings -> CONFIGURED.add("explicit-1:" + settings.name()))
        .configurator(settings -> CONFIGURED.add("explicit-2:" + settings.name()))
        .build();

    assertThat(CONFIGURED).containsExactly("explicit-1:configured", "explicit-2:configured",
        "discovered-first:configured", "discovered-second:configured");
  }

  @Test
  void aFailingConfiguratorStopsTheBuildNamingIt() {
    App.Builder app = App.builder()
        .setup(config -> config.name("configured").kafkaHosts("localhost:9092"))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class)))
        .configurator(settings -> {
          throw new IllegalStateException("no license key");
        });

    assertThatThrownBy(app::build).isInstanceOf(InvalidSetup.class).hasMessageContaining("no license key")
        .hasMessageContaining("configurator");
  }

  @Test
  void aBrokerThatIsDownFailsTheStartWithinTheConnectTimeoutNamingTheHost() throws Exception {
    int closed;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closed = probe.getLocalPort(); // free once the probe closes: nothing listens there
    }
    int port = closed;
    App app = App.builder().environment(java.util.Map.of())
        .setup(config -> config.name("down").kafkaHosts("localhost:" + port).connectTimeout(java.time.Duration.ofSeconds(1)))
        .routes(routes -> routes.topic("videos", route -> route.controller(Noop.class)))
        .build();

    assertThatThrownBy(app::start).isInstanceOf(dev.gregor.client.ConnectionFailed.class)
        .hasMessageContaining("localhost:" + port);
    assertThat(app.isRunning()).isFalse();
  }
}
