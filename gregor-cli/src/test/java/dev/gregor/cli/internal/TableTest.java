package dev.gregor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void numbersAlignRightAndAMissingNumberPrintsAsADash() {
    Table table = Table.of("TOPIC", "COMMITTED", "RACK");
    table.row("orders", 12, null).row("audit", null, null);

    assertThat(print(table)).isEqualTo(String.join(System.lineSeparator(),
        "TOPIC   COMMITTED  RACK",
        "orders         12  -",
        "audit           -  -", ""));
  }

  private static String print(Table table) {
    StringWriter out = new StringWriter();
    table.print(new PrintWriter(out), false);
    return out.toString();
  }
}
