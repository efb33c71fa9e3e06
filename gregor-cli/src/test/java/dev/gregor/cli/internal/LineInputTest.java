package dev.gregor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing produce's input lines, and naming the lines that failed. */
class LineInputTest {
  @Test
  void textSplitsAtTheFirstSeparatorOnly() {
    InputMessage message = new TextLines("::").parse("k::v::w");

    assertThat(text(message.key())).isEqualTo("k");
    assertThat(text(message.value())).isEqualTo("v::w");
  }

  @Test
  void jsonNullValueIsATombstoneAndNonStringValuesStayJson() {
    assertThat(new JsonLines().parse("{\"key\":\"k\",\"value\":null}").value()).isNull();
    assertThat(text(new JsonLines().parse("{\"value\":[1,2]}").value())).isEqualTo("[1,2]");
    assertThat(text(new JsonLines().parse("{\"value\":7,\"topic\":\"ignored\",\"offset\":3}").value())).isEqualTo("7");
  }

  @Test
  void jsonMistakesNameTheField() {
    assertThatThrownBy(() -> new JsonLines().parse("{\"value\":\"v\",\"partition\":-1}")).hasMessageContaining("partition");
    assertThatThrownBy(() -> new JsonLines().parse("{\"value\":\"v\",\"headers\":[1]}")).hasMessageContaining("headers");
    assertThatThrownBy(() -> new JsonLines().parse("{\"value\":\"v\",\"timestamp\":\"noon\"}")).hasMessageContaining("timestamp");
    assertThatThrownBy(() -> new JsonLines().parse("{\"value\":\"v\",\"headers\":{\"h\":{}}}")).hasMessageContaining("header 'h'");
  }

  @Test
  void lineNumbersAreWrittenAsRanges() {
    assertThat(LineNumbers.ranges(List.of(3L, 5L, 6L, 7L, 12L))).isEqualTo("3, 5-7, 12");
    assertThat(LineNumbers.ranges(List.of(1L))).isEqualTo("1");
  }

  @Test
  void durationsTakeShortUnitsAndIso() {
    assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
    assertThat(Durations.parse("2m").toSeconds()).isEqualTo(120);
    assertThat(Durations.parse("PT1H").toMinutes()).isEqualTo(60);
    assertThatThrownBy(() -> Durations.parse("ten")).hasMessageContaining("'ten' is not a duration");
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
