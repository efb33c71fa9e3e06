package dev.gregor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness works end to end at a tiny size; no speed is asserted, benchmarks only report. */
class BenchHarnessTest {

  @Test
  void tinyRunMeasuresBothSidesAndWritesEveryReport(@TempDir Path out) throws Exception {
    int exit = Bench.run("--profile", "tiny", "--broker", "in-process", "--groups", "producer",
        "--only", "Producer \\(deliver every 10k\\) 100B acks=all 1p none vs raw KafkaProducer tuned", "--out", out.toString());

    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("results");
    assertThat(results).hasSize(1);
    JsonNode row = results.get(0);
    assertThat(row.get("note").asText()).isEmpty();
    assertThat(exit).isZero();
    assertThat(row.get("gregorRuns")).hasSize(1);
    assertThat(row.get("baselineRuns")).hasSize(1);
    assertThat(row.get("ratio").asDouble()).isPositive();
    assertThat(Files.readString(out.resolve("results.csv"))).contains("raw KafkaProducer tuned");
    assertThat(out.resolve("results.md")).exists();
    assertThat(out.resolve("ratios.png")).isNotEmptyFile();
  }

  @Test
  void unknownProfileIsAUsageErrorNamingTheChoices() {
    assertThat(Bench.run("--profile", "huge")).isEqualTo(1);
  }
}
