package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 003, "Karafka CLI": {@code routes}, {@code flow} and {@code info} of an app named by {@code --app}. */
@EmbeddedKafkaTest
class AppCommandsTest {
  private static final String APP = ExampleShop.class.getName();

  @Test
  void routesListsEveryRouteInAlphabeticalOrderWithItsGroupControllerResponderAndModes() throws Exception {
    Cli.Result table = Cli.run("routes", "--app", APP);
    Cli.Result json = Cli.run("routes", "--app", APP, "--output", "json");

    assertThat(table.exitCode()).as(table.err()).isZero();
    List<String> lines = table.lines();
    assertThat(lines.get(0)).containsPattern("TOPIC\\s+GROUP\\s+CONTROLLER\\s+PARSER\\s+RESPONDER\\s+MODES");
    assertThat(lines.subList(1, 4)).satisfiesExactly(
        clicks -> assertThat(clicks).startsWith("clicks").contains("shop_clicks", "OrdersController", "inline batch"),
        invoices -> assertThat(invoices).startsWith("invoices").contains("queue=shop_jobs"),
        orders -> assertThat(orders).startsWith("orders").contains("OrdersResponder", "inline ordering=key(8) dead-letter=orders_dlt"));
    JsonNode routes = new ObjectMapper().readTree(json.out());
    assertThat(routes.get(2).get("responds_to").toString()).isEqualTo("[\"orders_confirmed\",\"audit (optional)\"]");
  }

  @Test
  void flowShowsWhereEachRouteWritesAsTextOrMermaid() {
    Cli.Result text = Cli.run("flow", "--app", APP);
    Cli.Result mermaid = Cli.run("flow", "--app", APP, "--format", "mermaid");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.lines()).containsExactly(
        "clicks => OrdersController => (nothing)",
        "invoices => OrdersController => shop_jobs (jobs)",
        "orders => OrdersController => orders_confirmed, audit (optional), orders_dlt (dead letters)");
    assertThat(mermaid.lines().get(0)).isEqualTo("flowchart LR");
    assertThat(mermaid.out()).contains("in2[[\"orders\"]] --> c2(\"OrdersController\")",
        "c2 --> out2_0[[\"orders_confirmed\"]]", "c1 --> out1_0[[\"shop_jobs (jobs)\"]]");
  }

  @Test
  void infoShowsTheEffectiveSettingsTheBrokersAndTheVersions(EmbeddedKafka kafka) {
    System.setProperty(ExampleShop.BOOTSTRAP_PROPERTY, kafka.bootstrapServers());
    try {
      Cli.Result info = Cli.run("info", "--app", APP);

      assertThat(info.exitCode()).as(info.err()).isZero();
      assertThat(info.lines()).contains("name: shop").anySatisfy(line -> assertThat(line).startsWith("brokers: ")
          .contains(kafka.bootstrapServers().replaceFirst(".*:", ":")));
      assertThat(info.out()).contains("kafka_client_version: 4.", "java_version: " + Runtime.version().feature());
    } finally {
      System.clearProperty(ExampleShop.BOOTSTRAP_PROPERTY);
    }
  }

  @Test
  void aMissingOrWrongAppClassIsAClearError() {
    Cli.Result missing = Cli.run("routes", "--app", "com.example.NoSuchApp");
    Cli.Result notAnApp = Cli.run("routes", "--app", ExampleShop.NotAnApp.class.getName());
    Cli.Result none = Cli.run("flow");
    Cli.Result badPath = Cli.run("routes", "--app", APP, "--classpath", "no/such/dir");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("App class 'com.example.NoSuchApp' is not on the class path", "--classpath");
    assertThat(notAnApp.err()).contains("has no public static app() and is no Supplier<App>");
    assertThat(none.err()).contains("No app class: pass --app CLASS, set GREGOR_BOOT, or run in a project with a "
        + "gregor-boot.properties");
    assertThat(badPath.err()).contains("--classpath entry 'no/such/dir' does not exist");
  }
}
