package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import org.junit.jupiter.api.Test;

/** {@code gregor cluster configs}: the brokers' configs with their sources, as a table and as JSON. */
@EmbeddedKafkaTest
class ClusterConfigsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void configsShowEveryBrokerConfigWithItsSourceAndHideSecrets(EmbeddedKafka kafka) {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "cluster configs"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines().get(0)).isEqualTo("broker 1");
    assertThat(result.lines().get(1)).containsPattern("CONFIG\\s+VALUE\\s+SOURCE");
    assertThat(result.lines()).anySatisfy(line -> assertThat(line).containsPattern("^node\\.id\\s+1\\s+static$"));
    assertThat(result.lines()).anySatisfy(line -> assertThat(line).containsPattern("^log\\.cleaner\\.backoff\\.ms\\s+\\d+\\s+default$"));
    assertThat(result.lines()).anySatisfy(line -> assertThat(line).containsPattern("\\(sensitive\\)\\s+default$"));
  }

  @Test
  void changedLeavesOutTheDefaultsAndJsonHasOneRowPerConfig(EmbeddedKafka kafka) throws Exception {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "cluster configs", "--broker", "1", "--changed",
        "--output", "json"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode rows = JSON.readTree(result.out());
    assertThat(rows).isNotEmpty().allSatisfy(row -> {
      assertThat(row.get("broker").asInt()).isEqualTo(1);
      assertThat(row.get("default").asBoolean()).isFalse();
    });
    assertThat(rows).anySatisfy(row -> {
      assertThat(row.get("name").asText()).isEqualTo("node.id");
      assertThat(row.get("value").asText()).isEqualTo("1");
      assertThat(row.get("source").asText()).isEqualTo("static");
    });
  }

  @Test
  void anUnknownBrokerExitsTwoNamingItAndTheKnownIds(EmbeddedKafka kafka) {
    Cli.Result result = Cli.run(Cli.against(kafka.bootstrapServers(), "cluster configs", "--broker", "42"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("gregor cluster configs:", "Broker 42 is not in the cluster; its brokers are [1]");
    Cli.assertNoStackTrace(result);
  }
}
